package org.iovlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.iovlab.comm.Comm;

/**
 * What one run measured, gathered on rank 0: the diagnostics (the same on every rank), every
 * rank's timers, cells and the network namespace it ran in ({@code netns}: the inode that
 * {@code /proc/self/ns/net} names, -1 where there is none), which shows from inside a rank
 * where a testbed run really placed it.
 */
public record AdvectResult(AdvectConfig config, String stencil, double wallSeconds, Diagnostics.Summary summary,
                           List<Timers> timers, List<Long> cells, List<Long> netns) {
    private static final int TAG_TIMERS = 900;

    /**
     * Runs the solver on this rank. Every rank calls it; rank 0 gets the result, others empty.
     * Wall time runs from a barrier before the first step to a barrier after the last.
     */
    public static Optional<AdvectResult> run(Comm comm, AdvectConfig config, Stencil stencil) {
        Advection solver = new Advection(comm, config, stencil);
        comm.barrier();
        long t0 = System.nanoTime();
        solver.run();
        comm.barrier();
        double wall = (System.nanoTime() - t0) / 1e9;
        Diagnostics.Summary summary = solver.diagnostics();
        Timers mine = solver.timers();
        if (comm.rank() != 0) {
            double[] flat = mine.flatten();
            comm.send(new double[] {solver.block().cells(), netnsInode()}, 0, 2, 0, TAG_TIMERS);
            comm.send(flat, 0, flat.length, 0, TAG_TIMERS);
            return Optional.empty();
        }
        List<Timers> all = new ArrayList<>(List.of(mine));
        List<Long> cells = new ArrayList<>(List.of(solver.block().cells()));
        List<Long> netns = new ArrayList<>(List.of(netnsInode()));
        double[] two = new double[2], flat = new double[Timers.PHASES * config.steps()];
        for (int r = 1; r < comm.size(); r++) {
            comm.recv(two, 0, 2, r, TAG_TIMERS);
            comm.recv(flat, 0, flat.length, r, TAG_TIMERS);
            cells.add((long) two[0]);
            netns.add((long) two[1]);
            all.add(Timers.unflatten(flat, config.steps()));
        }
        return Optional.of(new AdvectResult(config, stencil.name(), wall, summary, List.copyOf(all), List.copyOf(cells),
                List.copyOf(netns)));
    }

    /** This process's network namespace inode (exact in a double: inodes are 32-bit), or -1. */
    static long netnsInode() {
        try {
            String link = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/net")).toString();
            return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Total seconds of {@code phase} summed over ranks. */
    public double seconds(int phase) {
        return timers.stream().mapToLong(t -> t.total(phase)).sum() / 1e9;
    }

    /** Million cell updates per second over the whole job (wall clock). */
    public double mcellsPerSecond() {
        return config.grid().volume() * (double) config.steps() / wallSeconds / 1e6;
    }
}
