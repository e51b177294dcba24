package org.iovlab.placement;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Scenario;

/**
 * Turns the placement options every command shares ({@code --placement}, {@code --decomp},
 * {@code --ranks}, {@code --grid}) into a placement, checking that they agree.
 */
public final class PlacementOptions {
    private PlacementOptions() {}

    public record Resolved(Dims grid, Dims procs, Placement placement) {}

    /** {@code decomp} and {@code ranks} may be null: ranks default to PX·PY·PZ, else the scenario's, along X. */
    public static Resolved resolve(Scenario s, String placement, String decomp, Integer ranks, String grid) {
        Dims g = parse("--grid", grid);
        Dims procs;
        if (decomp != null) {
            procs = parse("--decomp", decomp);
            if (ranks != null && ranks != procs.volume()) {
                throw new ConfigException("--ranks", "ranks", "--ranks " + ranks + " does not match --decomp " + procs
                        + " (" + procs.volume() + " processes)");
            }
        } else {
            int n = ranks != null ? ranks : s.defaultRanks();
            if (n < 1) throw new ConfigException("--ranks", "ranks", "need at least one rank, got " + n);
            procs = new Dims(n, 1, 1);
        }
        if (procs.volume() > Integer.MAX_VALUE) throw new ConfigException("--decomp", "decomp", "too many processes: " + procs);
        PlacementSpec spec;
        try {
            spec = PlacementSpec.parse(placement);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--placement", "placement", e.getMessage());
        }
        new Decomposition(g, procs);
        return new Resolved(g, procs, Placer.place(s, (int) procs.volume(), spec));
    }

    private static Dims parse(String option, String text) {
        try {
            return Dims.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option, option.substring(2), e.getMessage());
        }
    }
}
