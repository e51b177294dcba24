package org.iovlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.bench.Estimate;
import org.iovlab.results.Measurement;

/** The repetitions of one point, summarized: an {@link Estimate} per value, the record ids, the warnings. */
record PointStats(String point, String kind, String datapath, Map<String, String> labels, List<Measurement> reps) {

    PointStats {
        reps = List.copyOf(reps);
    }

    /** Groups records by point, in order of first appearance. */
    static List<PointStats> of(List<Measurement> ms) {
        Map<String, List<Measurement>> by = new LinkedHashMap<>();
        for (Measurement m : ms) by.computeIfAbsent(m.point(), k -> new ArrayList<>()).add(m);
        return by.values().stream().map(l -> new PointStats(l.get(0).point(), l.get(0).kind(), l.get(0).datapath(), l.get(0).labels(), l))
                .toList();
    }

    String label(String name) {
        return labels.getOrDefault(name, "");
    }

    /** The estimate of one value over the repetitions that have it; null when none has. */
    Estimate estimate(String value) {
        List<Double> xs = reps.stream().filter(m -> m.values().containsKey(value)).map(m -> m.values().get(value)).toList();
        return xs.isEmpty() ? null : Estimate.of(xs);
    }

    double mean(String value) {
        Estimate e = estimate(value);
        return e == null ? Double.NaN : e.mean();
    }

    List<String> ids() {
        return reps.stream().map(Measurement::id).toList();
    }

    boolean warned() {
        return reps.stream().anyMatch(Measurement::warned);
    }

    Cell cell(String value, int decimals) {
        Estimate e = estimate(value);
        return e == null ? Cell.label("n/a") : Cell.measured(e, decimals, ids(), warned());
    }

    /** A ratio of two estimates' means with a first-order (delta-method) 95% half-width; NaN half-width if either has none. */
    static Estimate ratio(Estimate num, Estimate den) {
        double r = num.mean() / den.mean();
        double rel = Math.sqrt(Math.pow(num.relativeHalfWidth(), 2) + Math.pow(den.relativeHalfWidth(), 2));
        return new Estimate(r, Double.isFinite(rel) ? Math.abs(r) * rel : Double.NaN, List.of());
    }

    static List<String> ids(PointStats... ps) {
        List<String> out = new ArrayList<>();
        for (PointStats p : ps) if (p != null) out.addAll(p.ids());
        return out;
    }

    static boolean warned(PointStats... ps) {
        for (PointStats p : ps) if (p != null && p.warned()) return true;
        return false;
    }
}
