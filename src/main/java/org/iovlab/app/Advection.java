package org.iovlab.app;

import java.util.ArrayList;
import java.util.List;

import org.iovlab.comm.Comm;

/**
 * The solver on one rank: owns the two field arrays, the halo exchanges and the timers, and runs
 * the steps. Every cell's value is computed by the same {@link Stencil} operation from the same
 * neighbour values whatever the decomposition, backend or {@code --overlap}, so the final field is
 * bit-identical to the serial run's; only the order in which regions are visited changes.
 */
public final class Advection {
    private final Comm comm;
    private final AdvectConfig config;
    private final Physics physics;
    private final Block block;
    private final Stencil stencil;
    private final Timers timers;
    private final Boundary boundary;
    /** Upwind: one exchange over all axes. Lax–Wendroff: one per sweep axis. */
    private final Halo[] halos;
    /**
     * Per halo: the cells computable before its planes arrive, in slabs along X between which the
     * backend is poked to progress the transfers, then the cells that need the planes.
     */
    private static final int SLABS = 8;
    private final Region[][] inner;
    private final Region[][] rims;
    private final Region interior;
    private double[] u, v;

    public Advection(Comm comm, AdvectConfig config, Stencil stencil) {
        if (comm.size() != config.ranks()) {
            throw new IllegalArgumentException("the job has " + comm.size() + " ranks but the decomposition "
                    + config.procs() + " needs " + config.ranks());
        }
        this.comm = comm;
        this.config = config;
        this.physics = config.physics();
        this.block = Block.of(config.decomposition(), comm.rank());
        this.stencil = stencil;
        this.interior = block.interior();
        this.timers = new Timers(config.steps());
        this.boundary = new Boundary(physics, block, config.procs(), comm.rank());
        boolean upwind = config.scheme() == Scheme.UPWIND;
        int n = upwind ? 1 : 3;
        halos = new Halo[n];
        inner = new Region[n][];
        rims = new Region[n][];
        for (int h = 0; h < n; h++) {
            boolean[] axes = upwind ? new boolean[] {true, true, true} : new boolean[] {h == 0, h == 1, h == 2};
            halos[h] = new Halo(comm, config.procs(), block, axes, !upwind, timers);
            split(h, axes);
        }
        u = block.newArray();
        v = block.newArray();
        initial(u);
    }

    /** Splits the interior into cells that need no ghost plane of halo {@code h} and the rest (disjoint). */
    private void split(int h, boolean[] axes) {
        Region in = block.interior();
        List<Region> rest = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            if (!axes[d]) continue;
            int n = block.extent(d);
            int lo = halos[h].hasLower(d) ? 1 : 0, hi = halos[h].hasUpper(d) ? n - 1 : n;
            if (lo == 1) rest.add(in.with(d, 0, 1));
            if (hi == n - 1 && n - 1 >= lo) rest.add(in.with(d, n - 1, n));
            in = in.with(d, lo, Math.max(lo, hi));
        }
        List<Region> slabs = new ArrayList<>();
        int width = Math.max(1, (in.i1() - in.i0() + SLABS - 1) / SLABS);
        for (int i = in.i0(); i < in.i1(); i += width) slabs.add(in.with(0, i, Math.min(in.i1(), i + width)));
        inner[h] = slabs.stream().filter(r -> !r.isEmpty()).toArray(Region[]::new);
        rims[h] = rest.stream().filter(r -> !r.isEmpty()).toArray(Region[]::new);
    }

    private void initial(double[] f) {
        double[] fx = physics.profile(0, block.ox(), block.nx(), 0);
        double[] fy = physics.profile(1, block.oy(), block.ny(), 0);
        double[] fz = physics.profile(2, block.oz(), block.nz(), 0);
        for (int i = 0; i < block.nx(); i++)
            for (int j = 0; j < block.ny(); j++)
                for (int k = 0; k < block.nz(); k++) f[block.index(i, j, k)] = fx[i] * fy[j] * fz[k];
    }

    /** Runs all steps; returns the final field array (ghosts included, see {@link #block()}). */
    public double[] run() {
        for (int s = 0; s < config.steps(); s++) {
            timers.step(s);
            long t0 = System.nanoTime();
            boundary.prepare(s);
            timers.add(Timers.COMPUTE, System.nanoTime() - t0);
            if (config.scheme() == Scheme.UPWIND) {
                sweep(0, u, v, -1);
            } else {
                sweep(0, u, v, 0);
                sweep(1, v, u, 1);
                sweep(2, u, v, 2);
            }
            double[] t = u;
            u = v;
            v = t;
        }
        return u;
    }

    /** One exchange of {@code in}'s halo {@code h} and the update into {@code out}; {@code dim} -1 = upwind. */
    private void sweep(int h, double[] in, double[] out, int dim) {
        Halo halo = halos[h];
        long tb = System.nanoTime();
        if (dim < 0) boundary.fillUpwind(in);
        else boundary.fillSweep(in, dim);
        timers.add(Timers.COMPUTE, System.nanoTime() - tb);
        halo.start(in);
        if (config.overlap()) {
            long t0 = System.nanoTime();
            for (Region r : inner[h]) {
                compute(in, out, r, dim);
                halo.poke();
            }
            long t = System.nanoTime() - t0;
            timers.add(Timers.COMPUTE, t);
            timers.add(Timers.OVERLAPPED, t);
            halo.finish(in);
            t0 = System.nanoTime();
            for (Region r : rims[h]) compute(in, out, r, dim);
            timers.add(Timers.COMPUTE, System.nanoTime() - t0);
        } else {
            halo.finish(in);
            long t0 = System.nanoTime();
            compute(in, out, interior, dim);
            timers.add(Timers.COMPUTE, System.nanoTime() - t0);
        }
    }

    private void compute(double[] in, double[] out, Region r, int dim) {
        if (r.isEmpty()) return;
        switch (dim) {
            case -1 -> stencil.upwind(in, out, block, r, physics.cx(), physics.cy(), physics.cz());
            case 0 -> stencil.laxWendroff(in, out, block, r, 0, physics.cx());
            case 1 -> stencil.laxWendroff(in, out, block, r, 1, physics.cy());
            default -> stencil.laxWendroff(in, out, block, r, 2, physics.cz());
        }
    }

    public Block block() {
        return block;
    }

    public Timers timers() {
        return timers;
    }

    public double[] field() {
        return u;
    }

    /** The planes this rank sends each step (upwind: one exchange; Lax–Wendroff: all three). */
    List<Halo.Link> sendsPerStep() {
        List<Halo.Link> all = new ArrayList<>();
        for (Halo h : halos) all.addAll(h.sends());
        return all;
    }

    /** Global diagnostics of the current field; every rank must call it, the result is the same on all. */
    public Diagnostics.Summary diagnostics() {
        return Diagnostics.of(comm, physics, block, u, config.steps() * physics.dt());
    }
}
