package org.iovlab.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The solver's points ({@code kind} advect), selected by labels as the figures need them. */
final class AdvectData {
    static final List<String> PAPER_PLACEMENTS = List.of("inter", "intra", "hybrid");
    static final List<String> AXES = List.of("X", "Y", "Z");

    private final List<PointStats> points;
    /** The run's full rank count: the largest measured. */
    final int fullRanks;

    AdvectData(List<PointStats> all) {
        this.points = all.stream().filter(p -> p.kind().equals("advect")).toList();
        this.fullRanks = points.stream().mapToInt(AdvectData::ranks).max().orElse(0);
    }

    static int ranks(PointStats p) {
        try {
            return Integer.parseInt(p.label("ranks"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean isEmpty() {
        return points.isEmpty();
    }

    /** The point for (datapath, placement, axis, ranks), or null. */
    PointStats find(String datapath, String placement, String axis, int ranks) {
        return points.stream().filter(p -> p.datapath().equals(datapath) && p.label("placement").equals(placement)
                && p.label("axis").equals(axis) && ranks(p) == ranks).findFirst().orElse(null);
    }

    /** Placements measured at the full rank count: the paper's three first, then the others as measured. */
    List<String> placementsAtFullRanks() {
        Set<String> out = new LinkedHashSet<>();
        Set<String> measured = new LinkedHashSet<>();
        for (PointStats p : points) if (ranks(p) == fullRanks) measured.add(p.label("placement"));
        for (String p : PAPER_PLACEMENTS) if (measured.contains(p)) out.add(p);
        out.addAll(measured);
        return new ArrayList<>(out);
    }

    /** Rank counts of the scaling series: placement inter, decomposition along X (Nx1x1). */
    List<Integer> scalingRanks() {
        return points.stream().filter(p -> p.label("placement").equals("inter") && p.label("decomp").matches("\\d+x1x1"))
                .map(AdvectData::ranks).distinct().sorted().toList();
    }

    PointStats scaling(String datapath, int ranks) {
        return points.stream().filter(p -> p.datapath().equals(datapath) && p.label("placement").equals("inter")
                && p.label("decomp").equals(ranks + "x1x1")).findFirst().orElse(null);
    }

    /** The points at full ranks of one data path and placement, any axis. */
    List<PointStats> atFullRanks(String datapath, String placement) {
        return AXES.stream().map(a -> find(datapath, placement, a, fullRanks)).filter(Objects::nonNull).toList();
    }

    /** The first non-blank value of a label among the points (e.g. the grid), for captions. */
    String anyLabel(String name) {
        return points.stream().map(p -> p.label(name)).filter(s -> !s.isBlank()).findFirst().orElse("?");
    }
}
