package org.iovlab.results;

/** The rate one sender achieved to its partner in a multi-pair stream, in MiB/s. */
public record PairRate(String from, String to, double mibps) {

    public PairRate {
        if (from == null || from.isBlank() || to == null || to.isBlank()) throw new IllegalArgumentException("a pair needs from and to");
        if (!Double.isFinite(mibps) || mibps < 0) throw new IllegalArgumentException("mibps must be finite and >= 0: " + mibps);
    }

    /** {@code vm1->vm5}. */
    public String name() {
        return from + "->" + to;
    }
}
