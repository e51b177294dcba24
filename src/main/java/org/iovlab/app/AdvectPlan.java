package org.iovlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iovlab.placement.Dims;

/**
 * What {@code iovlab app advect --dry-run} shows: the blocks of every rank and the halo messages
 * of one step, derived from the configuration alone.
 */
public final class AdvectPlan {
    private AdvectPlan() {}

    /** {from, to, axis, values} of every halo message of one step. */
    public static List<int[]> messagesPerStep(AdvectConfig c) {
        Dims procs = c.procs();
        var dec = c.decomposition();
        List<int[]> out = new ArrayList<>();
        for (int rank = 0; rank < c.ranks(); rank++) {
            int[] at = procs.coordsOf(rank);
            Block b = Block.of(dec, rank);
            for (int d = 0; d < 3; d++) {
                int values = (int) (b.cells() / b.extent(d));
                int upper = Halo.neighbour(procs, at, d, +1), lower = Halo.neighbour(procs, at, d, -1);
                if (upper >= 0) out.add(new int[] {rank, upper, d, values});
                if (c.scheme() == Scheme.LAX_WENDROFF && lower >= 0) out.add(new int[] {rank, lower, d, values});
            }
        }
        return out;
    }

    public static String describe(AdvectConfig c, Map<String, String> run) {
        StringBuilder s = new StringBuilder();
        Physics p = c.physics();
        s.append(String.format("advect %s, grid %s, decomposition %s (%d ranks), %d steps, cfl %s (dt %.6g, Courant %.4f %.4f %.4f)%s%n",
                c.scheme().id(), c.grid(), c.procs(), c.ranks(), c.steps(), c.cfl(), p.dt(), p.cx(), p.cy(), p.cz(),
                c.overlap() ? ", overlap" : ""));
        run.forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
        s.append(String.format("%5s %-13s %-14s %s%n", "RANK", "COORDS", "BLOCK", "CELLS"));
        for (int rank = 0; rank < c.ranks(); rank++) {
            Block b = Block.of(c.decomposition(), rank);
            int[] at = c.procs().coordsOf(rank);
            s.append(String.format("%5d %-13s %-14s %d%n", rank, "(" + at[0] + "," + at[1] + "," + at[2] + ")",
                    b.nx() + "x" + b.ny() + "x" + b.nz(), b.cells()));
        }
        List<int[]> msgs = messagesPerStep(c);
        long values = msgs.stream().mapToLong(m -> m[3]).sum();
        s.append(String.format("halo messages per step: %d, %d bytes%n", msgs.size(), values * Double.BYTES));
        return s.toString();
    }
}
