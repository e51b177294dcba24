package org.iovlab.app;

import org.iovlab.placement.Dims;

/**
 * The continuous problem and its discretisation constants, derived from the global grid only so
 * that every rank, whatever the decomposition, computes bit-identical coefficients.
 *
 * <p>Domain: the unit cube, cell-centred ({@code x = (g + 0.5) / NX}). Velocity
 * {@code a = (1, 1/2, 1/4)}. Initial condition: a Gaussian pulse centred at
 * {@code (0.3, 0.3, 0.3)} with {@code sigma = 0.1}; the exact solution is that pulse translated
 * by {@code a t}. Boundaries: ghost cells outside the domain hold the exact solution (see
 * {@link Boundary}), so the pulse may come close to, and leave through, any face.
 *
 * <p>Time step: {@code dt = cfl / (ax NX + ay NY + az NZ)}, so the Courant numbers
 * {@code c_d = a_d dt N_d} sum to {@code cfl} (upwind is stable for a sum up to 1, each 1-D
 * Lax–Wendroff sweep for each {@code c_d} up to 1).
 */
public record Physics(Dims grid, double cfl, double dt, double cx, double cy, double cz) {
    public static final double AX = 1.0, AY = 0.5, AZ = 0.25;
    public static final double CENTER = 0.3, SIGMA = 0.1;

    public static Physics of(Dims grid, double cfl) {
        double dt = cfl / (AX * grid.x() + AY * grid.y() + AZ * grid.z());
        return new Physics(grid, cfl, dt, AX * dt * grid.x(), AY * dt * grid.y(), AZ * dt * grid.z());
    }

    public double velocity(int dim) {
        return switch (dim) {
            case 0 -> AX;
            case 1 -> AY;
            case 2 -> AZ;
            default -> throw new IllegalArgumentException("dimension " + dim);
        };
    }

    /**
     * The 1-D factor of the exact solution along {@code dim} at global cells
     * {@code [from, from + n)} at time {@code t}; the 3-D value is {@code (fx * fy) * fz}.
     */
    public double[] profile(int dim, int from, int n, double t) {
        double[] f = new double[n];
        profile(dim, from, f, t);
        return f;
    }

    /** As {@link #profile(int, int, int, double)} into {@code out} (all of it), allocation-free. */
    public void profile(int dim, int from, double[] out, double t) {
        double shift = CENTER + velocity(dim) * t;
        int cells = grid.get(dim);
        for (int g = 0; g < out.length; g++) {
            double d = (from + g + 0.5) / cells - shift;
            out[g] = Math.exp(-(d * d) / (2 * SIGMA * SIGMA));
        }
    }
}
