package org.iovlab.results;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One repetition of one point: what was measured ({@code kind}, {@code datapath}, {@code
 * labels}), the numbers ({@code values}, finite doubles; per-pair rates for streams), the
 * fidelity warnings, the tool's full output ({@code raw}) and when. {@code id} is
 * {@code point + "#" + rep}.
 */
public record Measurement(String id, String point, int rep, String kind, String datapath, Map<String, String> labels,
        Map<String, Double> values, List<PairRate> perPair, List<String> warnings, JsonNode raw, Instant time) {

    public static final Set<String> KINDS = Set.of("stream", "iperf3", "advect");
    public static final Set<String> DATAPATHS = Set.of("native", "bridged", "iov");

    public Measurement {
        checkPoint(point);
        if (rep < 0) throw new IllegalArgumentException("rep must be >= 0: " + rep);
        if (!idOf(point, rep).equals(id)) throw new IllegalArgumentException("id must be " + idOf(point, rep) + ", not " + id);
        checkKind(kind);
        checkDatapath(datapath);
        labels = orderedCopy(labels, "labels");
        values = orderedCopy(values, "values");
        values.forEach((k, v) -> {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("values." + k + " must be finite: " + v);
        });
        perPair = perPair == null ? List.of() : List.copyOf(perPair);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        raw = raw == null ? NullNode.getInstance() : raw;
        Objects.requireNonNull(time, "time");
    }

    /** A measurement with its id derived from point and rep. */
    public static Measurement of(String point, int rep, String kind, String datapath, Map<String, String> labels,
            Map<String, Double> values, List<PairRate> perPair, List<String> warnings, JsonNode raw, Instant time) {
        return new Measurement(idOf(point, rep), point, rep, kind, datapath, labels, values, perPair, warnings, raw, time);
    }

    public static String idOf(String point, int rep) {
        return point + "#" + rep;
    }

    public boolean warned() {
        return !warnings.isEmpty();
    }

    /** The value named, or NaN when this record has none. */
    public double value(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }

    public String label(String name) {
        return labels.getOrDefault(name, "");
    }

    static void checkPoint(String point) {
        if (point == null || point.isBlank()) throw new IllegalArgumentException("point is required");
        if (point.contains("#") || point.chars().anyMatch(Character::isWhitespace))
            throw new IllegalArgumentException("a point name has no '#' and no blanks: '" + point + "'");
    }

    static void checkKind(String kind) {
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("kind must be one of stream, iperf3, advect: " + kind);
    }

    static void checkDatapath(String datapath) {
        if (!DATAPATHS.contains(datapath)) throw new IllegalArgumentException("datapath must be one of native, bridged, iov: " + datapath);
    }

    /** An unmodifiable copy that keeps the caller's order (CSV columns follow it). */
    static <V> Map<String, V> orderedCopy(Map<String, V> m, String what) {
        if (m == null) return Map.of();
        m.forEach((k, v) -> {
            if (k == null || v == null) throw new IllegalArgumentException(what + " may hold no null key or value");
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
