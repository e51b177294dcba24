package org.iovlab.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDirTest {
    @TempDir Path tmp;

    @Test
    void recordsRoundTripThroughTheDirectory() {
        Path dir = tmp.resolve("run");
        ResultsDir written = SyntheticRun.write(dir, 2);
        ResultsDir read = ResultsDir.open(dir);
        assertThat(read.info()).isEqualTo(written.info());
        assertThat(read.measurements()).isEqualTo(written.measurements());
        Measurement m = read.measurements().get(0);
        assertThat(m.id()).isEqualTo(m.point() + "#" + m.rep());
        assertThat(read.measurements().stream().filter(x -> x.kind().equals("advect")).findFirst().orElseThrow().labels().keySet())
                .containsExactly("placement", "decomp", "axis", "ranks", "grid", "steps", "scheme", "comm");
    }

    @Test
    void countAndMissingTellWhatAResumeMustMeasure() {
        Path dir = tmp.resolve("run");
        ResultsDir rd = SyntheticRun.write(dir, 2, m -> m.point().equals("stream-iov") || (m.rep() == 2 && m.point().equals("iperf3-native")));
        assertThat(rd.count("stream-native")).isEqualTo(2);
        assertThat(rd.count("iperf3-native")).isEqualTo(1);
        assertThat(rd.count("stream-iov")).isZero();
        assertThat(ResultsDir.open(dir).missing()).extracting(PlannedPoint::point).containsExactly("stream-iov", "iperf3-native");
        assertThat(SyntheticRun.write(tmp.resolve("full"), 2).missing()).isEmpty();
    }

    @Test
    void aDuplicateIdIsRejectedAndTheFileIsUnchanged() throws Exception {
        Path dir = tmp.resolve("run");
        ResultsDir rd = SyntheticRun.write(dir, 1);
        byte[] before = Files.readAllBytes(dir.resolve(ResultsDir.RECORDS));
        assertThatThrownBy(() -> rd.append(SyntheticRun.all(1).get(0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stream-native#1 is already in");
        assertThat(Files.readAllBytes(dir.resolve(ResultsDir.RECORDS))).isEqualTo(before);
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run.json", "records.jsonl");
        }
    }

    @Test
    void aMalformedLineIsReportedWithFileLineAndField() throws Exception {
        Path dir = tmp.resolve("run");
        SyntheticRun.write(dir, 1);
        Path records = dir.resolve(ResultsDir.RECORDS);
        List<String> lines = Files.readAllLines(records);
        lines.set(2, lines.get(2).replace("\"totalMiBps\":", "\"totalMiBps\":\"fast\",\"was\":"));
        lines.set(4, lines.get(4).substring(0, 30));
        Files.write(records, lines);
        assertThatThrownBy(() -> ResultsDir.open(dir)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                    records + ":3:0: values.totalMiBps: expected a number, found \"fast\"",
                    e.problems().get(1).toString());
            assertThat(e.problems().get(1).line()).isEqualTo(5);
            assertThat(e.problems().get(1).message()).startsWith("not valid JSON");
        });
    }

    @Test
    void aRecordThatBreaksItsRulesNamesTheField() throws Exception {
        Path dir = tmp.resolve("run");
        SyntheticRun.write(dir, 1);
        Path records = dir.resolve(ResultsDir.RECORDS);
        String text = Files.readString(records).replaceFirst("\"kind\":\"stream\"", "\"kind\":\"netperf\"");
        Files.writeString(records, text);
        assertThatThrownBy(() -> ResultsDir.open(dir)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).singleElement().hasToString(records + ":1:0: kind: kind must be one of stream, iperf3, advect: netperf"));
    }

    @Test
    void createRefusesAnotherRunOrAForeignDirectoryAndReopensTheSameRun() throws Exception {
        Path dir = tmp.resolve("run");
        SyntheticRun.write(dir, 1);
        RunInfo same = new RunInfo("local", "xen-2010", true, 1, Instant.now(), "other", "def", Map.of(), 1250, SyntheticRun.planned());
        assertThat(ResultsDir.create(dir, same).measurements()).hasSize(SyntheticRun.all(1).size());
        RunInfo other = new RunInfo("paper", "xen-2010", true, 1, Instant.now(), "", "", Map.of(), 1250, List.of());
        assertThatThrownBy(() -> ResultsDir.create(dir, other)).isInstanceOf(ConfigException.class).hasMessageContaining("holds a different run");
        Path foreign = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> ResultsDir.create(foreign, other)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not empty and not a results directory");
        assertThatThrownBy(() -> ResultsDir.open(tmp.resolve("nothing"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no such results directory");
    }

    @Test
    void csvHasEveryLabelAndValueAndQuotesWhereNeeded() throws Exception {
        Path dir = tmp.resolve("run");
        ResultsDir rd = SyntheticRun.write(dir, 1);
        rd.exportCsv();
        List<String> stream = Files.readAllLines(dir.resolve("csv/stream.csv"));
        assertThat(stream.get(0)).isEqualTo("id,point,rep,datapath,pairs,totalMiBps,perPairMiBps,warnings,time");
        assertThat(stream).anySatisfy(l -> assertThat(l).startsWith("stream-bridged#1,stream-bridged,1,bridged,cross,")
                .contains("sender CPU-bound: 98% busy"));
        List<String> advect = Files.readAllLines(dir.resolve("csv/advect.csv"));
        assertThat(advect.get(0)).startsWith("id,point,rep,datapath,placement,decomp,axis,ranks,grid,steps,scheme,comm,wallSeconds,");
        assertThat(advect).hasSize(1 + 3 * (6 * 3 + 2));
        assertThat(Files.exists(dir.resolve("csv/iperf3.csv"))).isTrue();
    }

    @Test
    void recordsSurviveKillMinus9WithNoPartialLine() throws Exception {
        Path dir = tmp.resolve("run");
        ResultsDir.create(dir, SyntheticRun.info(1));
        int last = 0;
        for (int round = 0; round < 3; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), AppendLoop.class.getName(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ResultsDir.open(dir).measurements().size() < last + 5 && System.nanoTime() < deadline) Thread.sleep(20);
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            byte[] bytes = Files.readAllBytes(dir.resolve(ResultsDir.RECORDS));
            assertThat(bytes[bytes.length - 1]).as("no partial line").isEqualTo((byte) '\n');
            ResultsDir rd = ResultsDir.open(dir);
            assertThat(rd.measurements().size()).isGreaterThanOrEqualTo(last + 5);
            assertThat(new String(bytes, StandardCharsets.UTF_8).split("\n")).hasSize(rd.measurements().size());
            last = rd.measurements().size();
        }
    }
}
