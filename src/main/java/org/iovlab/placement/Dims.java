package org.iovlab.placement;

/** Three positive extents along X, Y and Z, written {@code 512x512x512}: a grid or a process grid. */
public record Dims(int x, int y, int z) {

    public Dims {
        if (x < 1 || y < 1 || z < 1) throw new IllegalArgumentException("every extent must be >= 1, got " + x + "x" + y + "x" + z);
    }

    /** Parses {@code XxYxZ}; the message says what was expected. */
    public static Dims parse(String text) {
        String[] p = text.strip().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        if (p.length != 3) throw new IllegalArgumentException("expected three extents XxYxZ such as 16x1x1, got '" + text + "'");
        int[] v = new int[3];
        for (int i = 0; i < 3; i++) {
            if (!p[i].matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException("expected three positive integers XxYxZ such as 16x1x1, got '" + text + "'");
            }
            v[i] = Integer.parseInt(p[i]);
            if (v[i] < 1) throw new IllegalArgumentException("every extent must be >= 1, got '" + text + "'");
        }
        return new Dims(v[0], v[1], v[2]);
    }

    public int get(int dim) {
        return switch (dim) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IllegalArgumentException("dimension " + dim);
        };
    }

    public long volume() {
        return (long) x * y * z;
    }

    /** Rank of the process at {@code (cx, cy, cz)}: X varies fastest, so a 1-D grid along any axis numbers ranks in order. */
    public int rankOf(int cx, int cy, int cz) {
        return cx + x * (cy + y * cz);
    }

    /** Inverse of {@link #rankOf}. */
    public int[] coordsOf(int rank) {
        return new int[] {rank % x, (rank / x) % y, rank / (x * y)};
    }

    @Override
    public String toString() {
        return x + "x" + y + "x" + z;
    }
}
