package org.iovlab.app;

/**
 * The update of one region of cells from {@code u} into {@code out} (distinct arrays). Every
 * implementation performs, per cell, exactly the operations of {@link ScalarStencil} in the same
 * order, so they produce the same bits; only the speed differs.
 */
public interface Stencil {

    /**
     * First-order upwind for positive Courant numbers:
     * {@code out = ((u - cx (u - u[i-1])) - cy (u - u[j-1])) - cz (u - u[k-1])}.
     */
    void upwind(double[] u, double[] out, Block b, Region r, double cx, double cy, double cz);

    /**
     * One Lax–Wendroff sweep along {@code dim} with Courant number {@code c}, {@code m}/{@code p}
     * the lower/upper neighbours: {@code out = (u - (c/2) (p - m)) + (c²/2) ((p - 2u) + m)}.
     */
    void laxWendroff(double[] u, double[] out, Block b, Region r, int dim, double c);

    String name();

    /** The Vector API kernel when {@code jdk.incubator.vector} is in the boot layer, else the scalar one. */
    static Stencil best() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) return VectorStencil.create();
        return new ScalarStencil();
    }
}
