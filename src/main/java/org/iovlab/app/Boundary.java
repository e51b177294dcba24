package org.iovlab.app;

import org.iovlab.placement.Dims;

/**
 * Ghost planes on the faces of the global domain hold the exact solution, so inflow is exact and
 * outflow is a Dirichlet condition with exact data. For Lax–Wendroff the sweep along {@code d}
 * starts from a field already advanced along the axes before {@code d}, so its ghost values are
 * the exact solution of that partial step: axes swept already at {@code t + dt}, the others at
 * {@code t}. The pulse is separable, {@code u = (fx fy) fz}, so a step costs a few 1-D profiles
 * and products on the faces; values depend only on global indices and the step number, never on
 * the decomposition.
 */
final class Boundary {
    private final Physics physics;
    private final Block block;
    private final boolean[] lowerFace = new boolean[3], upperFace = new boolean[3];
    /** Per axis, the exact 1-D factor over local indices -1..n (shifted by one) at t and t + dt. */
    private final double[][] now = new double[3][], next = new double[3][];
    private final double[][] pick = new double[3][];

    Boundary(Physics physics, Block block, Dims procs, int rank) {
        this.physics = physics;
        this.block = block;
        int[] c = procs.coordsOf(rank);
        for (int d = 0; d < 3; d++) {
            lowerFace[d] = c[d] == 0;
            upperFace[d] = c[d] == procs.get(d) - 1;
            now[d] = new double[block.extent(d) + 2];
            next[d] = new double[block.extent(d) + 2];
        }
    }

    /** Computes the profiles of step {@code step} (time {@code step * dt}). */
    void prepare(int step) {
        double t = step * physics.dt(), t1 = (step + 1) * physics.dt();
        for (int d = 0; d < 3; d++) {
            physics.profile(d, block.offset(d) - 1, now[d], t);
            physics.profile(d, block.offset(d) - 1, next[d], t1);
        }
    }

    /** Upwind: the lower (inflow) faces of every axis at time t. */
    void fillUpwind(double[] f) {
        for (int d = 0; d < 3; d++) pick[d] = now[d];
        for (int d = 0; d < 3; d++) if (lowerFace[d]) plane(f, d, -1);
    }

    /** Lax–Wendroff sweep along {@code dim}: both faces of that axis, earlier axes at t + dt. */
    void fillSweep(double[] f, int dim) {
        for (int d = 0; d < 3; d++) pick[d] = d < dim ? next[d] : now[d];
        if (lowerFace[dim]) plane(f, dim, -1);
        if (upperFace[dim]) plane(f, dim, block.extent(dim));
    }

    private void plane(double[] f, int dim, int at) {
        Block b = block;
        int i0 = dim == 0 ? at : 0, i1 = dim == 0 ? at + 1 : b.nx();
        int j0 = dim == 1 ? at : 0, j1 = dim == 1 ? at + 1 : b.ny();
        int k0 = dim == 2 ? at : 0, k1 = dim == 2 ? at + 1 : b.nz();
        double[] px = pick[0], py = pick[1], pz = pick[2];
        for (int i = i0; i < i1; i++)
            for (int j = j0; j < j1; j++) {
                int c = b.index(i, j, 0);
                double xy = px[i + 1] * py[j + 1];
                for (int k = k0; k < k1; k++) f[c + k] = xy * pz[k + 1];
            }
    }
}
