package org.iovlab.app;

/** A box of interior cells, half-open in local indices; may be empty. */
public record Region(int i0, int i1, int j0, int j1, int k0, int k1) {

    public boolean isEmpty() {
        return i0 >= i1 || j0 >= j1 || k0 >= k1;
    }

    public long cells() {
        return isEmpty() ? 0 : (long) (i1 - i0) * (j1 - j0) * (k1 - k0);
    }

    /** The same box with its range along {@code dim} replaced by {@code [from, to)}. */
    public Region with(int dim, int from, int to) {
        return switch (dim) {
            case 0 -> new Region(from, to, j0, j1, k0, k1);
            case 1 -> new Region(i0, i1, from, to, k0, k1);
            case 2 -> new Region(i0, i1, j0, j1, from, to);
            default -> throw new IllegalArgumentException("dimension " + dim);
        };
    }

    public int from(int dim) {
        return dim == 0 ? i0 : dim == 1 ? j0 : k0;
    }

    public int to(int dim) {
        return dim == 0 ? i1 : dim == 1 ? j1 : k1;
    }
}
