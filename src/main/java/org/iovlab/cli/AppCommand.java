package org.iovlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.app.AdvectConfig;
import org.iovlab.app.AdvectPlan;
import org.iovlab.app.AdvectProgram;
import org.iovlab.app.AdvectReport;
import org.iovlab.app.Scheme;
import org.iovlab.comm.Backend;
import org.iovlab.comm.CommException;
import org.iovlab.comm.JobOptions;
import org.iovlab.comm.Jobs;
import org.iovlab.comm.mpi.MpiJob;
import org.iovlab.comm.mpi.MpiSetup;
import org.iovlab.comm.mpi.MpirunCommand;
import org.iovlab.placement.Dims;
import org.iovlab.placement.Placement;
import org.iovlab.placement.PlacementOptions;
import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iovlab app advect}: the advection solver on a message-passing backend. */
@Command(name = "app", description = "Run the applications.", mixinStandardHelpOptions = true,
        subcommands = AppCommand.Advect.class)
final class AppCommand {

    @Command(name = "advect", mixinStandardHelpOptions = true,
            description = "Solve the 3-D advection equation on a decomposed grid and time compute, pack/unpack and "
                    + "communication wait per rank.")
    static final class Advect implements Runnable {
        @Spec CommandSpec spec;
        @Mixin ScenarioOptions scenarioOptions;

        @Option(names = {"-n", "--ranks"}, paramLabel = "N", description = "Number of ranks. Default: PX*PY*PZ, else 1.")
        Integer ranks;
        @Option(names = "--grid", paramLabel = "XxYxZ", defaultValue = "128x128x128", description = "Global grid. Default: ${DEFAULT-VALUE}.")
        String grid;
        @Option(names = "--steps", paramLabel = "T", defaultValue = "100", description = "Time steps. Default: ${DEFAULT-VALUE}.")
        int steps;
        @Option(names = "--decomp", paramLabel = "PXxPYxPZ", description = "Process grid. Default: the ranks along X.")
        String decomp;
        @Option(names = "--comm", paramLabel = "BACKEND", defaultValue = "shm", description = "shm, tcp or mpi. Default: ${DEFAULT-VALUE}.")
        String comm;
        @Option(names = "--scheme", defaultValue = "upwind", description = "upwind or lw (Lax-Wendroff). Default: ${DEFAULT-VALUE}.")
        String scheme;
        @Option(names = "--overlap", description = "Compute the interior while halos are in flight.")
        boolean overlap;
        @Option(names = "--cfl", defaultValue = "0.8", description = "Sum of the Courant numbers, in (0, 1]. Default: ${DEFAULT-VALUE}.")
        double cfl;
        @Option(names = {"-p", "--placement"}, paramLabel = "PATTERN",
                description = "Place ranks on the scenario's VMs (inter, intra, hybrid, ...; default inter when --scenario is given); "
                        + "recorded in the report, passed to mpirun as a rankfile.")
        String placement;
        @Option(names = "--json", paramLabel = "FILE", description = "Write the full report as JSON (atomically).")
        Path json;
        @Option(names = "--dry-run", description = "Check the input and print the plan; start nothing.")
        boolean dryRun;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<Problem> problems = new ArrayList<>();
            Backend backend = check(problems, "--comm", () -> parseBackend(comm));
            Scheme sch = check(problems, "--scheme", () -> Scheme.parse(scheme).orElseThrow(() -> new ConfigException(
                    "--scheme", "scheme", "unknown scheme '" + scheme + "'; expected upwind or lw")));
            Dims procs = check(problems, "--decomp", () -> procs());
            Dims g = check(problems, "--grid", () -> dims("--grid", grid));
            AdvectConfig config = procs == null || g == null || sch == null ? null
                    : check(problems, "--grid", () -> new AdvectConfig(g, procs, steps, sch, overlap, cfl));
            // A placement is made when asked for, or when a scenario is named (then "inter", as iovlab plan does).
            var parsed = spec.commandLine().getParseResult();
            String pattern = placement != null ? placement
                    : parsed.hasMatchedOption("--scenario") || parsed.hasMatchedOption("--datapath") ? "inter" : null;
            Placement placed = pattern == null || config == null ? null : check(problems, "--placement",
                    () -> PlacementOptions.resolve(scenarioOptions.load(), pattern, procs.toString(), null, grid).placement());
            if (backend == Backend.MPI) check(problems, "--comm", Advect::requireOpenMpi);
            if (json != null && !Files.isDirectory(json.toAbsolutePath().getParent())) {
                problems.add(new Problem("--json", 0, 0, "json", "directory " + json.toAbsolutePath().getParent() + " does not exist"));
            }
            if (!problems.isEmpty()) throw new ConfigException(problems);

            Map<String, String> run = new LinkedHashMap<>();
            run.put("comm", backend.label());
            if (placed != null) {
                run.put("scenario", placed.scenario().name());
                run.put("datapath", placed.scenario().datapath().id());
                run.put("placement", placed.label());
            }
            if (dryRun) {
                out.print(AdvectPlan.describe(config, run));
                out.println("rank program: " + AdvectProgram.class.getName() + " " + String.join(" ", config.toArgs()));
                if (backend == Backend.MPI) {
                    Path report = json != null ? json : Path.of(System.getProperty("java.io.tmpdir"), "iovlab-advect-NNN.json");
                    out.println("mpirun command: " + MpirunCommand.of(config.ranks(), AdvectProgram.class,
                            rankArgs(config, run, report), options(backend, placed), MpiSetup.find(),
                            Path.of(System.getProperty("java.io.tmpdir"), "iovlab-mpi-NNN"), MpiJob.runningAsRoot()).printable());
                }
                return;
            }
            Map<String, Object> report = start(backend, config, run, placed);
            out.println(AdvectReport.textSummary(report));
            out.print(AdvectReport.rankTable(report));
            if (json != null) out.println("report: " + json);
        }

        private Map<String, Object> start(Backend backend, AdvectConfig config, Map<String, String> run, Placement placed) {
            Path report = json;
            try {
                if (report == null) report = Files.createTempFile("iovlab-advect-", ".json");
                Jobs.run(backend, config.ranks(), AdvectProgram.class, rankArgs(config, run, report), options(backend, placed));
                return AdvectReport.read(report);
            } catch (CommException | UnsupportedOperationException e) {
                throw new RunFailedException("advect on " + backend.label() + " failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new RunFailedException("advect: " + e.getMessage(), e);
            } finally {
                if (json == null && report != null) report.toFile().delete();
            }
        }

        /** What every rank gets: the configuration, where rank 0 writes the report, and the run labels. */
        private static String[] rankArgs(AdvectConfig config, Map<String, String> run, Path report) {
            List<String> args = new ArrayList<>(config.toArgs());
            args.add("json=" + report.toAbsolutePath());
            args.add("print=false");
            run.forEach((k, v) -> args.add(k + "=" + v));
            return args.toArray(String[]::new);
        }

        /** Rank JVMs get the Vector API (without it the kernel falls back to the scalar loop: same bits, slower). */
        private static JobOptions options(Backend backend, Placement placed) {
            JobOptions options = JobOptions.defaults().withJvmArgs(List.of("--add-modules", "jdk.incubator.vector"));
            return placed != null && backend == Backend.MPI ? options.withPlacement(placed) : options;
        }

        private Dims procs() {
            if (decomp == null) {
                int n = ranks == null ? 1 : ranks;
                if (n < 1) throw new ConfigException("--ranks", "ranks", "need at least one rank, got " + n);
                return new Dims(n, 1, 1);
            }
            Dims p = dims("--decomp", decomp);
            if (ranks != null && ranks != p.volume()) {
                throw new ConfigException("--ranks", "ranks", "--ranks " + ranks + " does not match --decomp " + p
                        + " (" + p.volume() + " processes)");
            }
            return p;
        }

        /** Open MPI for {@code --comm mpi}: whatever {@link MpiSetup} finds missing, as one configuration problem. */
        private static Boolean requireOpenMpi() {
            List<String> missing = MpiSetup.find().problems();
            if (!missing.isEmpty()) throw new ConfigException("--comm", "comm", "--comm mpi needs Open MPI: " + String.join("; ", missing));
            return true;
        }

        private static Backend parseBackend(String text) {
            try {
                return Backend.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--comm", "comm", e.getMessage());
            }
        }

        private static Dims dims(String option, String text) {
            try {
                return Dims.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(option, option.substring(2), e.getMessage());
            }
        }

        /** Runs {@code check}; a ConfigException adds its problems and gives null. */
        private static <T> T check(List<Problem> problems, String option, java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (ConfigException e) {
                problems.addAll(e.problems());
                return null;
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(option, 0, 0, option.substring(2), e.getMessage()));
                return null;
            }
        }
    }
}
