package org.iovlab.reproduce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.app.BuildInfo;
import org.iovlab.report.Reports;
import org.iovlab.results.PlannedPoint;
import org.iovlab.results.ResultsDir;
import org.iovlab.results.RunInfo;
import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Host;

/** The results directory of a reproduce run: made new, or reopened for {@code --resume}; and what is written at the end. */
public final class RunSetup {
    private RunSetup() {}

    /** What run.json says of this experiment. */
    static RunInfo info(Experiment e, String scenarioArg) {
        List<PlannedPoint> planned = new ArrayList<>();
        for (Point p : e.points()) {
            Map<String, String> labels = new LinkedHashMap<>(p.labels());
            if (p.kind() == Point.Kind.ADVECT) labels.putAll(e.solverLabels());
            planned.add(new PlannedPoint(p.id(), p.kind() == Point.Kind.STREAM ? "stream" : "advect", p.datapath().id(), labels));
            if (p.kind() == Point.Kind.STREAM) planned.add(new PlannedPoint(p.iperf3Id(), "iperf3", p.datapath().id(), labels));
        }
        Host first = e.scenario().hosts().get(0);
        double lineRate = first.nic().lineRate().bitsPerSecond() / 8.0 / (1 << 20);
        Map<String, Object> machine = new LinkedHashMap<>(BuildInfo.machine());
        return new RunInfo(scenarioArg, e.profile(), e.quick(), e.reps(), Instant.now(), BuildInfo.version(), BuildInfo.gitCommit(),
                machine, lineRate, planned);
    }

    /**
     * A new results directory for {@code e}, or with {@code resume} the existing one, which must have
     * been made by the same experiment (scenario, profile, points, repetitions).
     */
    public static ResultsDir open(Path dir, Experiment e, String scenarioArg, boolean resume) {
        RunInfo want = info(e, scenarioArg);
        if (!resume) {
            if (Files.exists(dir.resolve("run.json"))) {
                throw new ConfigException("--out", "out", dir + " already holds a run: give --resume to complete it, or another --out");
            }
            return ResultsDir.create(dir, want);
        }
        if (!Files.exists(dir.resolve("run.json"))) {
            throw new ConfigException("--resume", "resume", "nothing to resume in " + dir + " (no run.json): start without --resume");
        }
        ResultsDir r = ResultsDir.open(dir);
        RunInfo have = r.info();
        List<String> differ = new ArrayList<>();
        if (!have.scenario().equals(want.scenario())) differ.add("scenario " + have.scenario());
        if (!have.profile().equals(want.profile())) differ.add("profile " + have.profile());
        if (have.quick() != want.quick()) differ.add(have.quick() ? "--quick" : "not --quick");
        if (have.reps() != want.reps()) differ.add("--reps " + have.reps());
        if (!have.planned().equals(want.planned())) differ.add("other points (grid, steps or placements)");
        if (!differ.isEmpty()) {
            throw new ConfigException("--resume", "resume", dir.resolve("run.json") + " was made with " + String.join(", ", differ)
                    + ": resume it with the options it was started with");
        }
        return r;
    }

    /** CSV exports and the report (HTML and text) from what the directory holds; returns the text. */
    public static String finish(ResultsDir dir) {
        dir.exportCsv();
        return Reports.write(dir);
    }
}
