package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.iovlab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code iovlab app advect}: bad input exits 2 with a clear message before anything starts; a run reports. */
class AdvectCliTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--ranks 3 --decomp 2x2x1 | --ranks: ranks: --ranks 3 does not match --decomp 2x2x1 (4 processes)",
            "--grid 0x16x16 | --grid: grid: every extent must be >= 1, got '0x16x16'",
            "--grid -4x16x16 | expected three positive integers XxYxZ such as 16x1x1, got '-4x16x16'",
            "--steps 0 | --steps: steps: need at least one step, got 0",
            "--steps -3 | need at least one step, got -3",
            "--grid 3x16x16 --decomp 4x1x1 | axis X: 3 cells cannot be split over 4 processes",
            "--grid 16x16x16 --decomp 1x1x17 | axis Z: 16 cells cannot be split over 17 processes",
            "--ranks 0 | need at least one rank, got 0",
            "--comm udp | unknown comm backend 'udp'; expected shm, tcp or mpi",
            "--scheme weno | unknown scheme 'weno'; expected upwind or lw",
            "--cfl 1.5 | the Courant number must be in (0, 1], got 1.5",
            "--decomp 4x1x1 --placement inter --scenario paper --datapath foo | unknown data path 'foo'",
            "--ranks 16 --placement inter | 16 ranks do not fit on the 8 vCPUs of scenario 'local'",
            "--json /nonexistent-dir/r.json | directory /nonexistent-dir does not exist"})
    void badInputExitsTwoWithAClearMessage(String options, String message) {
        List<String> args = new ArrayList<>(List.of("app", "advect"));
        args.addAll(List.of(options.strip().split(" +")));
        if (!args.contains("--grid")) args.addAll(List.of("--grid", "16x16x16"));
        if (!args.contains("--steps")) args.addAll(List.of("--steps", "2"));
        Run r = cli(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Run r = cli("app", "advect", "--ranks", "3", "--decomp", "2x2x1", "--steps", "0", "--comm", "udp", "--scheme", "x");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("iovlab: 3 errors:", "--ranks 3 does not match", "unknown comm backend", "unknown scheme");
    }

    @Test
    void namingAScenarioPlacesTheRanks() {
        Run r = cli("app", "advect", "--scenario", "paper", "--ranks", "16", "--grid", "32x8x8", "--dry-run");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("scenario: paper", "placement: inter", "halo messages per step: 15, 7680 bytes");
    }

    @Test
    void unparsableNumbersAreUsageErrors() {
        Run r = cli("app", "advect", "--steps", "abc");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("Invalid value for option '--steps': 'abc' is not an int");
    }

    @Test
    void mpiWithoutOpenMpiIsAConfigError() throws Exception {
        // A child JVM with no mpirun on the PATH and no mpi.jar: the check must fail before anything starts.
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "app", "advect", "--comm", "mpi", "--ranks", "2", "--grid", "8x8x8", "--steps", "1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", dir.toString());
        pb.environment().put("IOVLAB_MPI_JAR", dir.resolve("missing/mpi.jar").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(Main.USAGE);
        assertThat(output).contains("--comm mpi needs Open MPI: mpirun is not on PATH", "mpi.jar) were not found");
    }

    @Test
    void withoutTheVectorModuleTheScalarKernelGivesTheSameBits() throws Exception {
        // A JVM without --add-modules jdk.incubator.vector must not fail: it falls back to the scalar loop.
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "app", "advect", "--decomp", "2x1x1", "--grid", "24x20x18", "--steps", "5", "--comm", "shm");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("kernel scalar", "fieldChecksum " + BackendsTest.serialChecksum(Scheme.UPWIND));
    }

    @Test
    void dryRunPrintsThePlanAndStartsNothing() {
        Path json = dir.resolve("never.json");
        Run r = cli("app", "advect", "--grid", "24x20x18", "--decomp", "3x1x1", "--steps", "4", "--comm", "tcp",
                "--placement", "inter", "--dry-run", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("advect upwind, grid 24x20x18, decomposition 3x1x1 (3 ranks), 4 steps",
                "comm: tcp", "placement: inter", "    2 (2,0,0)       8x20x18        2880", "halo messages per step: 2, 5760 bytes",
                "rank program: org.iovlab.app.AdvectProgram grid=24x20x18 decomp=3x1x1 steps=4 scheme=upwind");
        assertThat(json).doesNotExist();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shmRunWritesTheReportWithTheSerialChecksum() throws IOException {
        Path json = dir.resolve("r.json");
        Run r = cli("app", "advect", "--grid", "24x20x18", "--decomp", "2x2x1", "--steps", "5", "--comm", "shm",
                "--scheme", "lw", "--overlap", "--placement", "hybrid", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> report = AdvectReport.read(json);
        assertThat(report.get("fieldChecksum")).isEqualTo(BackendsTest.serialChecksum(Scheme.LAX_WENDROFF));
        assertThat(r.out()).contains("advect lw on shm: grid 24x20x18, decomposition 2x2x1, 5 steps, overlap",
                "fieldChecksum " + report.get("fieldChecksum"), "report: " + json,
                " RANK VM            CELLS   COMPUTE      PACK    UNPACK      WAIT", "    3 node3          2160 ",
                "halo messages per step: 4 intra-vm, 0 inter-vm, 4 inter-host (inter-host share 0.500)");
        assertThat(report).containsKeys("iovlab", "config", "machine", "stencil", "mass", "l2Error", "totalsOverRanks", "overlap", "messages");
        assertThat((Map<String, Object>) ((List<?>) report.get("ranks")).get(3)).containsEntry("vm", "node3").containsEntry("host", "host1");
        assertThat(report.get("run")).isEqualTo(Map.of("comm", "shm", "scenario", "local", "datapath", "bridged", "placement", "hybrid"));
        assertThat(((Map<?, ?>) report.get("machine")).get("cores")).isEqualTo(Runtime.getRuntime().availableProcessors());
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("r.json");
        }
    }
}
