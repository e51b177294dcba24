package org.iovlab.app;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels with the Vector API: HotSpot before JDK 26 does not auto-vectorise the scalar
 * loops because it cannot prove {@code u} and {@code out} do not alias. Lane-wise the operations
 * are those of {@link ScalarStencil} in the same order (no fused multiply-add), so the bits are
 * the same; the row tail runs the scalar code. Needs {@code --add-modules jdk.incubator.vector}.
 */
final class VectorStencil implements Stencil {
    private final VectorSpecies<Double> species;

    private VectorStencil(VectorSpecies<Double> species) {
        this.species = species;
    }

    static Stencil create() {
        return new VectorStencil(DoubleVector.SPECIES_PREFERRED);
    }

    @Override
    public void upwind(double[] u, double[] out, Block b, Region r, double cx, double cy, double cz) {
        int sx = b.sx(), sy = b.sy(), lanes = species.length();
        for (int i = r.i0(); i < r.i1(); i++) {
            for (int j = r.j0(); j < r.j1(); j++) {
                int base = b.index(i, j, 0);
                int c = base + r.k0(), end = base + r.k1();
                for (int bound = end - lanes; c <= bound; c += lanes) {
                    DoubleVector v = DoubleVector.fromArray(species, u, c);
                    DoubleVector wx = DoubleVector.fromArray(species, u, c - sx);
                    DoubleVector wy = DoubleVector.fromArray(species, u, c - sy);
                    DoubleVector wz = DoubleVector.fromArray(species, u, c - 1);
                    v.sub(v.sub(wx).mul(cx)).sub(v.sub(wy).mul(cy)).sub(v.sub(wz).mul(cz)).intoArray(out, c);
                }
                ScalarStencil.upwindRow(u, out, c, end, sx, sy, cx, cy, cz);
            }
        }
    }

    @Override
    public void laxWendroff(double[] u, double[] out, Block b, Region r, int dim, double c) {
        int s = b.stride(dim), lanes = species.length();
        double half = c / 2, sq = c * c / 2;
        for (int i = r.i0(); i < r.i1(); i++) {
            for (int j = r.j0(); j < r.j1(); j++) {
                int base = b.index(i, j, 0);
                int x = base + r.k0(), end = base + r.k1();
                for (int bound = end - lanes; x <= bound; x += lanes) {
                    DoubleVector v = DoubleVector.fromArray(species, u, x);
                    DoubleVector m = DoubleVector.fromArray(species, u, x - s);
                    DoubleVector p = DoubleVector.fromArray(species, u, x + s);
                    v.sub(p.sub(m).mul(half)).add(p.sub(v.mul(2.0)).add(m).mul(sq)).intoArray(out, x);
                }
                ScalarStencil.laxWendroffRow(u, out, x, end, s, half, sq);
            }
        }
    }

    @Override
    public String name() {
        return "vector-" + species.vectorBitSize();
    }
}
