package org.iovlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.iovlab.placement.Dims;
import org.iovlab.reproduce.Dilation;
import org.iovlab.reproduce.Experiment;
import org.iovlab.reproduce.Reproduce;
import org.iovlab.reproduce.RunSetup;
import org.iovlab.results.ResultsDir;
import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.iovlab.testbed.Privileges;
import org.iovlab.testbed.profile.Profile;
import org.iovlab.testbed.profile.Profiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iovlab reproduce}: the paper end to end on the emulated cluster, into a results directory and a report. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce the paper end to end: for each data path (native, bridged, iov) the multi-pair stream test with "
                + "iperf3 beside it (Tables 1-2), the advection solver under the inter, intra and hybrid placements along X, Y "
                + "and Z (Fig. 2), over rank counts (Fig. 3) and over more placements (Fig. 4); then the report.",
                "Needs root (network namespaces). Testbeds come down at the end, also on failure or Ctrl-C."})
final class ReproduceCommand implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME|FILE", defaultValue = Scenarios.DEFAULT,
            description = "Built-in scenario (local, paper) or a YAML file. Default: ${DEFAULT-VALUE}.")
    String scenario;
    @Option(names = {"-P", "--profile"}, paramLabel = "NAME|FILE", defaultValue = "xen-2010",
            description = "Hardware profile: linux, xen-2010 (fitted to the paper's Table 1) or a YAML file. Default: ${DEFAULT-VALUE}.")
    String profile;
    @Option(names = "--quick", description = "Fewer points and one repetition (a few minutes on 2 cores).")
    boolean quick;
    @Option(names = "--reps", paramLabel = "N", description = "Repetitions per point. Default: 2, or 1 with --quick.")
    Integer reps;
    @Option(names = "--grid", paramLabel = "XxYxZ", description = "The solver's grid. Default: 32x256x256 (32x192x192 with --quick; 64x512x512 for more than 8 ranks).")
    String grid;
    @Option(names = "--steps", paramLabel = "T", description = "Time steps per run. Default: 40 (30 with --quick).")
    Integer steps;
    @Option(names = "--dilation", paramLabel = "F",
            description = "Run the emulated network F times slower than the profile (time dilation; bandwidths are reported x F). "
                    + "Default: ranks per CPU of this machine, at least 1.")
    Double dilation;
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Results directory. Default: results/reproduce-SCENARIO[-quick].")
    Path out;
    @Option(names = "--resume", description = "Continue the run in --out: measure only what is missing.")
    boolean resume;
    @Option(names = {"-i", "--instance"}, paramLabel = "BASE", defaultValue = "60",
            description = "Testbed instance ids BASE, BASE+1, BASE+2 (native, bridged, iov). Default: ${DEFAULT-VALUE}.")
    int instanceBase;
    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no tables; only errors and the results directory.")
    boolean quiet;

    @Override
    public Integer call() {
        if (instanceBase < 0 || instanceBase > 97) throw new ConfigException("--instance", "instance", "BASE must be 0..97, got " + instanceBase);
        Scenario s = Scenarios.load(scenario).resolved();
        Profile p = Profiles.load(profile);
        Dims g = grid == null ? null : dims(grid);
        Dilation d;
        try {
            d = dilation != null ? new Dilation(dilation) : Dilation.forRanks(s.defaultRanks(), Runtime.getRuntime().availableProcessors());
        } catch (IllegalArgumentException x) {
            throw new ConfigException("--dilation", "dilation", x.getMessage());
        }
        Experiment e = Experiment.of(s, profile, quick, reps, g, steps, d);
        Path dir = out != null ? out : Path.of("results", "reproduce-" + s.name() + (quick ? "-quick" : ""));
        ResultsDir results = RunSetup.open(dir, e, scenario, resume);
        TestbedCommand.failing(() -> { Privileges.require("reproduce"); return null; });
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Reproduce.Outcome outcome;
        try (Progress progress = new Progress(quiet, err)) {
            outcome = TestbedCommand.failing(() -> Reproduce.run(e, p, results, instanceBase, progress));
        }
        String text = RunSetup.finish(results);
        if (!quiet) o.print(text);
        o.println("results: " + dir.toAbsolutePath() + " (report.html, report.txt, records.jsonl, csv/)");
        if (outcome.interrupted()) throw new RunFailedException("interrupted; what was measured is kept: run again with --resume --out " + dir);
        if (!outcome.failures().isEmpty()) {
            throw new RunFailedException(outcome.failures().size() + " measurement(s) failed:\n  " + String.join("\n  ", outcome.failures())
                    + "\nwhat was measured is kept; run again with --resume --out " + dir + " to measure what is missing");
        }
        return Main.OK;
    }

    private static Dims dims(String text) {
        try {
            return Dims.parse(text);
        } catch (IllegalArgumentException x) {
            throw new ConfigException("--grid", "grid", x.getMessage());
        }
    }
}
