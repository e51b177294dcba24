package org.iovlab.app;

import java.util.Arrays;
import java.util.Optional;

/**
 * The difference scheme. Both need one ghost layer; upwind reads only the upstream (lower)
 * neighbour, Lax–Wendroff reads both sides.
 */
public enum Scheme {
    /** First-order upwind for positive velocities, unsplit: one message per decomposed axis, lower to upper. */
    UPWIND("upwind"),
    /**
     * Second-order Lax–Wendroff, dimension split (X, then Y, then Z sweep each step). For constant
     * coefficients the three 1-D operators commute, so the splitting keeps second order.
     */
    LAX_WENDROFF("lw");

    private final String id;

    Scheme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Scheme> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.id.equalsIgnoreCase(text.strip())).findFirst();
    }
}
