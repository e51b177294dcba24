package org.iovlab.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iovlab.cli.Main;
import org.iovlab.results.Measurement;
import org.iovlab.results.ResultsDir;
import org.iovlab.testbed.Leaks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iovlab reproduce --quick} as a user lives it: interrupted by Ctrl-C (the testbeds come
 * down by themselves), resumed and killed with SIGKILL (after which {@code testbed down} leaves
 * nothing), then resumed to the end without measuring anything twice; the results directory and
 * the report are then complete, and every number in the report is traceable to a record.
 */
@Tag("root")
class ReproduceRootTest {
    private static final String BASE = "40";
    private static final List<String> INSTANCES = List.of("40", "41", "42");
    /** Small enough for CI, large enough that a run takes a while to interrupt. */
    private static final List<String> OPTIONS = List.of("reproduce", "--quick", "--grid", "16x96x96", "--steps", "10",
            "--instance", BASE);

    @TempDir Path tmp;

    @AfterEach
    void down() {
        for (String i : INSTANCES) Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "testbed", "down", "-i", i);
    }

    private Process start(Path out, boolean resume) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(OPTIONS);
        cmd.addAll(List.of("--out", out.toString()));
        if (resume) cmd.add("--resume");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static int records(Path out) throws IOException {
        Path f = out.resolve("records.jsonl");
        return Files.exists(f) ? (int) Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count() : 0;
    }

    private static void awaitRecords(Path out, int n, Process p) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (records(out) < n) {
            assertThat(p.isAlive()).as("the run is still going (records so far: %d)", records(out)).isTrue();
            assertThat(System.nanoTime()).as("%d records within 180 s", n).isLessThan(until);
            Thread.sleep(100);
        }
    }

    private static List<String> leaks() {
        List<String> out = new ArrayList<>();
        INSTANCES.forEach(i -> out.addAll(Leaks.of(i)));
        return out;
    }

    /** Rank JVMs, bench agents and servers of this test: they run this test's class path. */
    private static List<String> strayProcesses() {
        Set<Long> mine = new HashSet<>();
        for (var p = java.util.Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) mine.add(p.get().pid());
        String cp = System.getProperty("java.class.path");
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(p -> !mine.contains(p.pid()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).filter(c -> c.contains(cp)).toList();
    }

    private static Map<String, String> byId(ResultsDir d) {
        Map<String, String> m = new HashMap<>();
        for (Measurement x : d.measurements()) m.put(x.id(), x.time().toString());
        return m;
    }

    @Test
    void interruptedTwiceThenResumedToACompleteTraceableReport() throws Exception {
        assertThat(leaks()).as("nothing of instances 40-42 before the test").isEmpty();
        Path out = tmp.resolve("run");

        // 1. Ctrl-C after a few records: the run ends, its testbeds come down by themselves.
        Process p = start(out, false);
        awaitRecords(out, 5, p);
        Runtime.getRuntime().exec(new String[] {"kill", "-INT", Long.toString(p.pid())}).waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exit within 30 s of SIGINT").isTrue();
        assertThat(p.exitValue()).isNotZero();
        Thread.sleep(500);
        assertThat(leaks()).as("testbeds left after SIGINT").isEmpty();
        assertThat(strayProcesses()).as("processes left after SIGINT").isEmpty();
        Map<String, String> afterInt = byId(ResultsDir.open(out));
        assertThat(afterInt.size()).isGreaterThanOrEqualTo(5);

        // 2. Resume, then SIGKILL: testbeds stay until `testbed down`, which removes all.
        p = start(out, true);
        awaitRecords(out, afterInt.size() + 3, p);
        p.destroyForcibly();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        for (String i : INSTANCES) {
            assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "testbed", "down", "-i", i)).isZero();
        }
        assertThat(leaks()).as("testbeds left after SIGKILL and testbed down").isEmpty();
        Thread.sleep(500);
        assertThat(strayProcesses()).as("processes left after SIGKILL and testbed down").isEmpty();
        Map<String, String> afterKill = byId(ResultsDir.open(out));
        assertThat(afterKill).containsAllEntriesOf(afterInt);

        // 3. Resume to the end, in-process: nothing measured twice, nothing missing.
        StringWriter o = new StringWriter(), e = new StringWriter();
        List<String> args = new ArrayList<>(OPTIONS);
        args.addAll(List.of("--out", out.toString(), "--resume", "--quiet"));
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), args.toArray(String[]::new));
        assertThat(code).as("resume: %s %s", o, e).isZero();
        assertThat(leaks()).isEmpty();
        ResultsDir done = ResultsDir.open(out);
        assertThat(done.missing()).as("missing after resume").isEmpty();
        assertThat(byId(done)).as("records of the interrupted runs kept as they were").containsAllEntriesOf(afterKill);
        int planned = done.info().planned().size() * done.info().reps();
        assertThat(done.measurements()).hasSize(planned);
        System.out.printf("reproduce --quick: %d records after SIGINT, %d after SIGKILL, %d in all%n", afterInt.size(), afterKill.size(), planned);

        // 4. The results directory and the report: every table and figure, every number traceable.
        for (String f : List.of("run.json", "records.jsonl", "report.html", "report.txt", "csv/stream.csv", "csv/iperf3.csv", "csv/advect.csv")) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        for (String id : List.of("table1", "table2", "table3", "fig2", "fig3a", "fig3b", "fig4", "conclusions", "appendix")) {
            assertThat(html).as("report section " + id).contains("id=\"" + id + "\"");
        }
        for (String chart : List.of("chart-fig2", "chart-fig3a", "chart-fig3b", "chart-fig4")) assertThat(html).contains("id='" + chart + "'");
        Set<String> ids = new HashSet<>(byId(done).keySet());
        Matcher m = Pattern.compile("data-records=\"([^\"]*)\"").matcher(html);
        int cells = 0;
        while (m.find()) {
            for (String id : m.group(1).split(" ")) assertThat(ids).as("a report cell names record " + id).contains(id);
            cells++;
        }
        assertThat(cells).as("numbers in the report that name their records").isGreaterThan(30);
        String text = Files.readString(out.resolve("report.txt"), StandardCharsets.UTF_8);
        for (String title : List.of("Table 1.", "Table 2.", "Figure 2", "Figure 3(a)", "Figure 3(b)", "Figure 4", "Conclusions")) {
            assertThat(text).contains(title);
        }
        assertThat(text).contains("Every planned point was measured.");
    }
}
