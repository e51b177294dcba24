package org.iovlab.testbed.profile;

import java.time.Duration;
import java.util.Optional;

import org.iovlab.scenario.Bandwidth;

/**
 * How one hop of a data path is shaped, per direction: a rate limit (absent: the kernel's own
 * speed) and a one-way added latency (zero: none). Rates are what tc enforces, counted in
 * Ethernet frames, so TCP goodput lands about 4% lower at MTU 1500.
 */
public record Hop(Optional<Bandwidth> rate, Duration latency) {
    public static final Hop NONE = new Hop(Optional.empty(), Duration.ZERO);

    public Hop {
        if (rate == null) throw new IllegalArgumentException("rate");
        if (latency == null || latency.isNegative()) throw new IllegalArgumentException("latency must be >= 0");
    }

    public static Hop rate(Bandwidth b) {
        return new Hop(Optional.of(b), Duration.ZERO);
    }

    public boolean shapes() {
        return rate.isPresent() || !latency.isZero();
    }

    /** This hop with its rate capped at {@code cap} (e.g. the scenario's line rate). */
    public Hop cappedAt(Bandwidth cap) {
        Bandwidth r = rate.filter(x -> x.compareTo(cap) < 0).orElse(cap);
        return new Hop(Optional.of(r), latency);
    }

    @Override
    public String toString() {
        if (!shapes()) return "unshaped";
        String r = rate.map(Bandwidth::toString).orElse("any rate");
        return latency.isZero() ? r : r + " +" + (latency.toNanos() / 1000.0) + "us";
    }
}
