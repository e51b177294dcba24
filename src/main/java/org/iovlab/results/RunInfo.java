package org.iovlab.results;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a results directory's run is ({@code run.json}): scenario, profile, repetitions per
 * point, where and with what it ran, the 10GbE-style line rate of the emulated wire, and
 * every point it plans to measure.
 */
public record RunInfo(String scenario, String profile, boolean quick, int reps, Instant startedAt, String iovlabVersion,
        String gitCommit, Map<String, Object> machine, double lineRateMiBps, List<PlannedPoint> planned) {

    public RunInfo {
        if (scenario == null || scenario.isBlank()) throw new IllegalArgumentException("scenario is required");
        profile = profile == null ? "" : profile;
        if (reps < 1) throw new IllegalArgumentException("reps must be >= 1: " + reps);
        Objects.requireNonNull(startedAt, "startedAt");
        iovlabVersion = iovlabVersion == null ? "" : iovlabVersion;
        gitCommit = gitCommit == null ? "" : gitCommit;
        machine = machine == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(machine));
        if (!Double.isFinite(lineRateMiBps) || lineRateMiBps < 0) throw new IllegalArgumentException("lineRateMiBps must be >= 0");
        planned = planned == null ? List.of() : List.copyOf(planned);
        if (planned.stream().map(PlannedPoint::point).distinct().count() != planned.size())
            throw new IllegalArgumentException("planned points must have distinct names");
    }

    /**
     * Whether {@code other} describes the same run, so that a directory holding this one may
     * take the other's records: equal in everything but when, where and by which build it started.
     */
    public boolean sameRunAs(RunInfo other) {
        return scenario.equals(other.scenario) && profile.equals(other.profile) && quick == other.quick && reps == other.reps
                && Double.compare(lineRateMiBps, other.lineRateMiBps) == 0 && planned.equals(other.planned);
    }
}
