package org.iovlab.app;

import org.iovlab.placement.Decomposition;

/**
 * One rank's block of the global grid with one ghost layer on each of its six faces, stored
 * row-major with Z fastest. Local interior indices run {@code 0..n-1}; ghosts are {@code -1}
 * and {@code n}.
 */
public record Block(int nx, int ny, int nz, int ox, int oy, int oz) {

    public static Block of(Decomposition dec, int rank) {
        int[] c = dec.procs().coordsOf(rank);
        return new Block(dec.extent(0, c[0]), dec.extent(1, c[1]), dec.extent(2, c[2]),
                dec.offset(0, c[0]), dec.offset(1, c[1]), dec.offset(2, c[2]));
    }

    /** Stride between neighbouring cells along Y. */
    public int sy() {
        return nz + 2;
    }

    /** Stride between neighbouring cells along X. */
    public int sx() {
        return (ny + 2) * (nz + 2);
    }

    public int stride(int dim) {
        return switch (dim) {
            case 0 -> sx();
            case 1 -> sy();
            case 2 -> 1;
            default -> throw new IllegalArgumentException("dimension " + dim);
        };
    }

    public int index(int i, int j, int k) {
        return (i + 1) * sx() + (j + 1) * sy() + k + 1;
    }

    public int extent(int dim) {
        return switch (dim) {
            case 0 -> nx;
            case 1 -> ny;
            case 2 -> nz;
            default -> throw new IllegalArgumentException("dimension " + dim);
        };
    }

    public int offset(int dim) {
        return switch (dim) {
            case 0 -> ox;
            case 1 -> oy;
            case 2 -> oz;
            default -> throw new IllegalArgumentException("dimension " + dim);
        };
    }

    public long cells() {
        return (long) nx * ny * nz;
    }

    /** A zeroed array for this block, ghosts included. */
    public double[] newArray() {
        return new double[(nx + 2) * sx()];
    }

    /** The whole interior as a region. */
    public Region interior() {
        return new Region(0, nx, 0, ny, 0, nz);
    }
}
