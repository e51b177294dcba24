package org.iovlab.app;

/** The reference kernels: plain loops, Z innermost. Allocation-free. */
public final class ScalarStencil implements Stencil {

    @Override
    public void upwind(double[] u, double[] out, Block b, Region r, double cx, double cy, double cz) {
        int sx = b.sx(), sy = b.sy();
        for (int i = r.i0(); i < r.i1(); i++) {
            for (int j = r.j0(); j < r.j1(); j++) {
                int base = b.index(i, j, 0);
                upwindRow(u, out, base + r.k0(), base + r.k1(), sx, sy, cx, cy, cz);
            }
        }
    }

    /** Cells {@code [from, to)} of one Z row. */
    static void upwindRow(double[] u, double[] out, int from, int to, int sx, int sy, double cx, double cy, double cz) {
        for (int c = from; c < to; c++) {
            double v = u[c];
            out[c] = v - cx * (v - u[c - sx]) - cy * (v - u[c - sy]) - cz * (v - u[c - 1]);
        }
    }

    @Override
    public void laxWendroff(double[] u, double[] out, Block b, Region r, int dim, double c) {
        int s = b.stride(dim);
        double half = c / 2, sq = c * c / 2;
        for (int i = r.i0(); i < r.i1(); i++) {
            for (int j = r.j0(); j < r.j1(); j++) {
                int base = b.index(i, j, 0);
                laxWendroffRow(u, out, base + r.k0(), base + r.k1(), s, half, sq);
            }
        }
    }

    static void laxWendroffRow(double[] u, double[] out, int from, int to, int s, double half, double sq) {
        for (int c = from; c < to; c++) {
            double v = u[c], m = u[c - s], p = u[c + s];
            out[c] = v - half * (p - m) + sq * (p - 2.0 * v + m);
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
