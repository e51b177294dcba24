package org.iovlab.placement;

import org.iovlab.scenario.ConfigException;

/**
 * A grid split into blocks over a process grid. Along each axis the first {@code n mod p}
 * blocks get one cell more, so uneven splits differ by at most one cell.
 */
public record Decomposition(Dims grid, Dims procs) {

    /** Cells of overlap a scheme needs from a neighbour; a block must be at least this thick. */
    public static final int MIN_CELLS = 1;

    public Decomposition {
        StringBuilder bad = new StringBuilder();
        for (int d = 0; d < 3; d++) {
            if (grid.get(d) < (long) procs.get(d) * MIN_CELLS) {
                bad.append(bad.isEmpty() ? "" : "; ").append("axis ").append("XYZ".charAt(d)).append(": ")
                        .append(grid.get(d)).append(" cells cannot be split over ").append(procs.get(d)).append(" processes");
            }
        }
        if (!bad.isEmpty()) throw new ConfigException("--decomp", "decomp", "decomposition " + procs + " of grid " + grid + ": " + bad);
    }

    /** Number of cells along {@code dim} of the block at coordinate {@code c}. */
    public int extent(int dim, int c) {
        int n = grid.get(dim), p = procs.get(dim);
        return n / p + (c < n % p ? 1 : 0);
    }

    /** Global index of the first cell along {@code dim} of the block at coordinate {@code c}. */
    public int offset(int dim, int c) {
        int n = grid.get(dim), p = procs.get(dim);
        return c * (n / p) + Math.min(c, n % p);
    }

    /** Cells in the block of {@code rank}. */
    public long cells(int rank) {
        int[] c = procs.coordsOf(rank);
        return (long) extent(0, c[0]) * extent(1, c[1]) * extent(2, c[2]);
    }
}
