package org.iovlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.iovlab.comm.Comm;

/**
 * What one run measured, gathered on rank 0: the diagnostics (the same on every rank) and every
 * rank's timers.
 */
public record AdvectResult(AdvectConfig config, String stencil, double wallSeconds, Diagnostics.Summary summary,
                           List<Timers> timers, List<Long> cells) {
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
            comm.send(new double[] {solver.block().cells()}, 0, 1, 0, TAG_TIMERS);
            comm.send(flat, 0, flat.length, 0, TAG_TIMERS);
            return Optional.empty();
        }
        List<Timers> all = new ArrayList<>(List.of(mine));
        List<Long> cells = new ArrayList<>(List.of(solver.block().cells()));
        double[] one = new double[1], flat = new double[Timers.PHASES * config.steps()];
        for (int r = 1; r < comm.size(); r++) {
            comm.recv(one, 0, 1, r, TAG_TIMERS);
            comm.recv(flat, 0, flat.length, r, TAG_TIMERS);
            cells.add((long) one[0]);
            all.add(Timers.unflatten(flat, config.steps()));
        }
        return Optional.of(new AdvectResult(config, stencil.name(), wall, summary, List.copyOf(all), List.copyOf(cells)));
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
