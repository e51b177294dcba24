package org.iovlab.app;

/**
 * One rank's time per phase and step, the paper's Figure 3 breakdown: compute (the stencil),
 * pack and unpack (copying planes between the field and message buffers), and wait (blocked
 * in the communication layer). {@code OVERLAPPED} is the part of compute done while halos were
 * in flight ({@code --overlap}); it is included in {@code COMPUTE}.
 */
public final class Timers {
    public static final int COMPUTE = 0, PACK = 1, UNPACK = 2, WAIT = 3, OVERLAPPED = 4, PHASES = 5;
    public static final String[] NAMES = {"compute", "pack", "unpack", "wait", "overlappedCompute"};

    private final long[][] nanos;
    private int step;

    public Timers(int steps) {
        nanos = new long[PHASES][steps];
    }

    void step(int s) {
        step = s;
    }

    void add(int phase, long ns) {
        nanos[phase][step] += ns;
    }

    public int steps() {
        return nanos[0].length;
    }

    public long nanos(int phase, int s) {
        return nanos[phase][s];
    }

    public long total(int phase) {
        long t = 0;
        for (long v : nanos[phase]) t += v;
        return t;
    }

    /** All values phase by phase, for sending to rank 0 (exact: nanoseconds fit a double's 53 bits). */
    double[] flatten() {
        double[] out = new double[PHASES * steps()];
        for (int p = 0; p < PHASES; p++) for (int s = 0; s < steps(); s++) out[p * steps() + s] = nanos[p][s];
        return out;
    }

    static Timers unflatten(double[] flat, int steps) {
        Timers t = new Timers(steps);
        for (int p = 0; p < PHASES; p++) for (int s = 0; s < steps; s++) t.nanos[p][s] = (long) flat[p * steps + s];
        return t;
    }
}
