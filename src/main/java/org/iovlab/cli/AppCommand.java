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
                return;
            }
            out.print(AdvectReport.textSummary(start(backend, config, run, placed)));
            out.println();
            if (json != null) out.println("report: " + json);
        }

        private Map<String, Object> start(Backend backend, AdvectConfig config, Map<String, String> run, Placement placed) {
            Path report = json;
            try {
                if (report == null) report = Files.createTempFile("iovlab-advect-", ".json");
                List<String> args = new ArrayList<>(config.toArgs());
                args.add("json=" + report.toAbsolutePath());
                args.add("print=false");
                run.forEach((k, v) -> args.add(k + "=" + v));
                JobOptions options = JobOptions.defaults().withJvmArgs(List.of("--add-modules", "jdk.incubator.vector"));
                if (placed != null && backend == Backend.MPI) options = options.withPlacement(placed);
                Jobs.run(backend, config.ranks(), AdvectProgram.class, args.toArray(String[]::new), options);
                return AdvectReport.read(report);
            } catch (CommException | UnsupportedOperationException e) {
                throw new RunFailedException("advect on " + backend.label() + " failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new RunFailedException("advect: " + e.getMessage(), e);
            } finally {
                if (json == null && report != null) report.toFile().delete();
            }
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

        /**
         * Open MPI for {@code --comm mpi}: {@code mpirun} on the PATH and its Java bindings' jar
         * ({@code $IOVLAB_MPI_JAR}, else {@code ~/.cache/iovlab/openmpi-VERSION/mpi.jar} as scripts/setup.sh builds it).
         */
        private static Boolean requireOpenMpi() {
            List<String> missing = new ArrayList<>();
            boolean mpirun = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "mpirun")));
            if (!mpirun) missing.add("mpirun is not on the PATH (Debian: openmpi-bin, libopenmpi-dev)");
            if (findMpiJar() == null) {
                missing.add("Open MPI's Java bindings (mpi.jar) are not built: set IOVLAB_MPI_JAR or run scripts/setup.sh");
            }
            if (!missing.isEmpty()) {
                throw new ConfigException("--comm", "comm", "--comm mpi needs Open MPI: " + String.join("; ", missing));
            }
            return true;
        }

        private static Path findMpiJar() {
            String env = System.getenv("IOVLAB_MPI_JAR");
            if (env != null && !env.isBlank()) return Files.isRegularFile(Path.of(env)) ? Path.of(env) : null;
            Path cache = Path.of(System.getProperty("user.home"), ".cache", "iovlab");
            try (var dirs = Files.list(cache)) {
                return dirs.filter(d -> d.getFileName().toString().startsWith("openmpi-")).map(d -> d.resolve("mpi.jar"))
                        .filter(Files::isRegularFile).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
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
