package org.iovlab.testbed;

import java.util.ArrayList;
import java.util.List;

import org.iovlab.testbed.profile.Hop;

/**
 * The {@code tc -batch} lines for one {@link Op.Shape}: tbf for a rate, netem for a latency,
 * netem with tbf as its child for both. The tbf bucket holds at least 0.5 ms at the rate and
 * two 64 KiB GSO segments, so tbf never has to split segments.
 */
final class TcLines {
    private TcLines() {}

    static List<String> of(Op.Shape s) {
        Hop h = s.hop();
        List<String> out = new ArrayList<>();
        String tbfAt = "root handle 1:";
        if (!h.latency().isZero()) {
            long us = Math.max(1, h.latency().toNanos() / 1000);
            out.add("qdisc add dev " + s.dev() + " root handle 1: netem delay " + us + "us limit 100000");
            tbfAt = "parent 1:1 handle 10:";
        }
        if (h.rate().isPresent()) {
            long bits = Math.round(h.rate().get().bitsPerSecond());
            long burst = Math.max(131072, bits / 8 / 2000);
            out.add("qdisc add dev " + s.dev() + " " + tbfAt + " tbf rate " + bits + "bit burst " + burst + " latency 20ms");
        }
        return out;
    }
}
