package org.iovlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iovlab.app.AdvectConfig;
import org.iovlab.app.AdvectPlan;
import org.iovlab.app.AdvectProgram;
import org.iovlab.app.AdvectReport;
import org.iovlab.app.AdvectRun;
import org.iovlab.app.AdvectRunException;
import org.iovlab.app.Kernel;
import org.iovlab.app.Scheme;
import org.iovlab.comm.Backend;
import org.iovlab.comm.mpi.MpiJob;
import org.iovlab.comm.mpi.MpiSetup;
import org.iovlab.comm.mpi.MpirunCommand;
import org.iovlab.placement.Dims;
import org.iovlab.placement.Placement;
import org.iovlab.placement.PlacementOptions;
import org.iovlab.launch.TestbedRanks;
import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Problem;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.iovlab.testbed.InstanceNames;
import org.iovlab.testbed.TestbedException;
import org.iovlab.testbed.TestbedState;

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
        @Option(names = "--kernel", defaultValue = "vector",
                description = "The rank processes' loop (tcp, mpi): vector (fastest once compiled, seconds of JIT per JVM) or scalar "
                        + "(compiled at once); same bits. Default: ${DEFAULT-VALUE}.")
        String kernel;
        @Option(names = "--overlap", description = "Compute the interior while halos are in flight.")
        boolean overlap;
        @Option(names = "--cfl", defaultValue = "0.8", description = "Sum of the Courant numbers, in (0, 1]. Default: ${DEFAULT-VALUE}.")
        double cfl;
        @Option(names = {"-p", "--placement"}, paramLabel = "PATTERN",
                description = "Place ranks on the scenario's VMs (inter, intra, hybrid, hybrid:K, crossings:K, round-robin, block, file:PATH; default inter when --scenario is given); "
                        + "recorded in the report, passed to mpirun as a rankfile.")
        String placement;
        @Option(names = "--testbed", paramLabel = "ID",
                description = "Run the ranks inside this live testbed (tcp only): each in its VM's (native: host's) namespace, "
                        + "CPUs and cgroups, listening on its address. Placement on the testbed's scenario unless --scenario names its file.")
        String testbed;
        @Option(names = "--json", paramLabel = "FILE", description = "Write the full report as JSON (atomically).")
        Path json;
        @Option(names = "--dry-run", description = "Check the input and print the plan; start nothing.")
        boolean dryRun;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<Problem> problems = new ArrayList<>();
            Backend backend = check(problems, "--comm", () -> parseBackend(comm));
            Kernel kern = check(problems, "--kernel", () -> Kernel.parse(kernel));
            Scheme sch = check(problems, "--scheme", () -> Scheme.parse(scheme).orElseThrow(() -> new ConfigException(
                    "--scheme", "scheme", "unknown scheme '" + scheme + "'; expected upwind or lw")));
            Dims procs = check(problems, "--decomp", () -> procs());
            Dims g = check(problems, "--grid", () -> dims("--grid", grid));
            AdvectConfig config = procs == null || g == null || sch == null ? null
                    : check(problems, "--grid", () -> new AdvectConfig(g, procs, steps, sch, overlap, cfl));
            TestbedState tb = testbed == null ? null : check(problems, "--testbed", () -> loadTestbed(backend));
            // A placement is made when asked for, or when a scenario or testbed is named (then "inter", as iovlab plan does).
            var parsed = spec.commandLine().getParseResult();
            boolean scenarioGiven = parsed.hasMatchedOption("--scenario");
            String pattern = placement != null ? placement
                    : scenarioGiven || parsed.hasMatchedOption("--datapath") || testbed != null ? "inter" : null;
            Placement placed = pattern == null || config == null || (testbed != null && tb == null) ? null
                    : check(problems, "--placement", () -> PlacementOptions.resolve(scenario(tb, scenarioGiven), pattern,
                            procs.toString(), null, grid).placement());
            if (tb != null && placed != null) {
                TestbedRanks.problems(placed, tb).forEach(m -> problems.add(new Problem("--placement", 0, 0, "placement", m)));
            }
            if (backend == Backend.MPI) check(problems, "--comm", Advect::requireOpenMpi);
            if (json != null && !Files.isDirectory(json.toAbsolutePath().getParent())) {
                problems.add(new Problem("--json", 0, 0, "json", "directory " + json.toAbsolutePath().getParent() + " does not exist"));
            }
            if (!problems.isEmpty()) throw new ConfigException(problems);

            if (dryRun) {
                Map<String, String> run = AdvectRun.labels(backend, placed, tb);
                out.print(AdvectPlan.describe(config, run));
                out.println("rank program: " + AdvectProgram.class.getName() + " " + String.join(" ", config.toArgs()));
                if (tb != null) printSites(out, TestbedRanks.of(placed, tb));
                if (backend == Backend.MPI) {
                    Path report = json != null ? json : Path.of(System.getProperty("java.io.tmpdir"), "iovlab-advect-NNN.json");
                    out.println("mpirun command: " + MpirunCommand.of(config.ranks(), AdvectProgram.class,
                            AdvectRun.rankArgs(config, run, report), AdvectRun.options(backend, placed, null, kern), MpiSetup.find(),
                            Path.of(System.getProperty("java.io.tmpdir"), "iovlab-mpi-NNN"), MpiJob.runningAsRoot()).printable());
                }
                return;
            }
            Map<String, Object> report;
            try {
                report = AdvectRun.run(config, backend, placed, tb, Map.of(), json, kern);
            } catch (AdvectRunException e) {
                throw new RunFailedException(e.getMessage(), e);
            }
            out.println(AdvectReport.textSummary(report));
            out.print(AdvectReport.rankTable(report));
            if (json != null) out.println("report: " + json);
        }

        /** The live testbed {@code --testbed} names; only tcp ranks can run inside one. */
        private TestbedState loadTestbed(Backend backend) {
            if (backend != null && backend != Backend.TCP) {
                throw new ConfigException("--testbed", "testbed", "--testbed runs the ranks inside the testbed, which only "
                        + "--comm tcp does (got --comm " + backend.label() + ")");
            }
            String id = new InstanceNames(testbed).instance();
            TestbedState tb;
            try {
                tb = TestbedState.load(id);
            } catch (TestbedException e) {
                throw new ConfigException("--testbed", "testbed", e.getMessage());
            }
            String d = scenarioOptions.datapath;
            if (d != null && DataPath.parse(d).filter(x -> x != tb.datapath()).isPresent()) {
                throw new ConfigException("--datapath", "datapath", "--datapath " + d + " differs from testbed " + id
                        + "'s data path " + tb.datapath().id() + " (leave it out: the testbed's is used)");
            }
            return tb;
        }

        /** Where ranks are placed: {@code --scenario}, else the testbed's own (by its built-in name), with the testbed's data path. */
        private Scenario scenario(TestbedState tb, boolean scenarioGiven) {
            if (tb == null) return scenarioOptions.load();
            if (!scenarioGiven && !Scenarios.BUILT_IN.contains(tb.scenario())) {
                throw new ConfigException("--scenario", "scenario", "testbed " + tb.instance() + " runs scenario '" + tb.scenario()
                        + "', which is not built in: name its file with --scenario");
            }
            return Scenarios.load(scenarioGiven ? scenarioOptions.scenario : tb.scenario(), tb.datapath()).resolved();
        }

        private static void printSites(PrintWriter out, TestbedRanks sites) {
            out.printf("%5s %-8s %-8s %-8s %-14s %-21s %s%n", "RANK", "VM", "HOST", "NODE", "NAMESPACE", "LISTENS", "CPUS");
            for (TestbedRanks.Site s : sites.sites()) {
                out.printf("%5d %-8s %-8s %-8s %-14s %-21s %s%n", s.rank(), s.vm(), s.host(), s.node().name(), s.node().namespace(),
                        s.address().getHostString() + ":" + s.address().getPort(), s.node().cpus());
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
