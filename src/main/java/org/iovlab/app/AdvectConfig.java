package org.iovlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.placement.Decomposition;
import org.iovlab.placement.Dims;
import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Problem;

/**
 * One advection run: the global grid, the process grid, steps, scheme, overlap, Courant number.
 * Checked in full before anything starts ({@link #check}); round-trips through
 * {@link #toArgs()}/{@link #parse} so that process backends can pass it to each rank.
 */
public record AdvectConfig(Dims grid, Dims procs, int steps, Scheme scheme, boolean overlap, double cfl) {
    public static final double DEFAULT_CFL = 0.8;

    public AdvectConfig {
        List<Problem> problems = new ArrayList<>();
        if (steps < 1) problems.add(new Problem("--steps", 0, 0, "steps", "need at least one step, got " + steps));
        if (!(cfl > 0 && cfl <= 1)) problems.add(new Problem("--cfl", 0, 0, "cfl", "the Courant number must be in (0, 1], got " + cfl));
        try {
            new Decomposition(grid, procs);
            long largest = 1; // the first block along each axis is the largest; with its ghost layers
            for (int d = 0; d < 3; d++) largest *= (grid.get(d) + procs.get(d) - 1) / procs.get(d) + 2L;
            if (largest > Integer.MAX_VALUE - 8) {
                problems.add(new Problem("--grid", 0, 0, "grid", "a block of grid " + grid + " over " + procs + " has "
                        + largest + " cells with ghosts, more than one Java array holds (2^31 - 9); use more ranks"));
            }
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }

    public int ranks() {
        return (int) procs.volume();
    }

    public Decomposition decomposition() {
        return new Decomposition(grid, procs);
    }

    public Physics physics() {
        return Physics.of(grid, cfl);
    }

    /** {@code key=value} arguments for a {@link org.iovlab.comm.RankProgram}; {@code extra} is appended. */
    public List<String> toArgs() {
        List<String> a = new ArrayList<>();
        a.add("grid=" + grid);
        a.add("decomp=" + procs);
        a.add("steps=" + steps);
        a.add("scheme=" + scheme.id());
        a.add("overlap=" + overlap);
        a.add("cfl=" + cfl);
        return a;
    }

    /** Parses {@code key=value} arguments; keys other than the config's are returned in {@code rest}. */
    public static AdvectConfig parse(String[] args, Map<String, String> rest) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
            m.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        AdvectConfig c = new AdvectConfig(Dims.parse(m.remove("grid")), Dims.parse(m.remove("decomp")),
                Integer.parseInt(m.remove("steps")),
                Scheme.parse(m.remove("scheme")).orElseThrow(() -> new IllegalArgumentException("unknown scheme")),
                Boolean.parseBoolean(m.remove("overlap")), Double.parseDouble(m.remove("cfl")));
        rest.putAll(m);
        return c;
    }
}
