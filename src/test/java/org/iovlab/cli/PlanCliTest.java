package org.iovlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PlanCliTest {
    @TempDir Path dir;

    @Test
    void theIssuesExampleRunsAndCountsSevenOfFifteen() {
        Cli r = Cli.run("plan", "--scenario", "paper", "--decomp", "16x1x1", "--placement", "hybrid", "--grid", "512x512x512");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("scenario paper (bridged), 16 ranks, grid 512x512x512, decomposition 16x1x1, placement hybrid")
                .containsPattern("\\s+2\\s+node5\\s+host1\\s+\\(2,0,0\\)")
                .containsPattern("inter-host\\s+7\\s+14MiB\\s+46.7%")
                .containsPattern("intra-vm\\s+8\\s+16MiB")
                .contains("inter-host messages: 7/15");
    }

    @Test
    void jsonCarriesTheMapAndTheCounts() throws Exception {
        Cli r = Cli.run("plan", "--scenario", "local", "--placement", "intra", "--grid", "64x64x64", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("decomposition").asText()).isEqualTo("8x1x1");
        assertThat(j.get("ranks")).hasSize(8);
        assertThat(j.get("ranks").get(4).get("vm").asText()).isEqualTo("node3");
        assertThat(j.get("perStep").get("inter-host").get("messages").asInt()).isEqualTo(1);
        assertThat(j.get("messagesPerStep").asInt()).isEqualTo(7);
        assertThat(j.get("bytesPerStep").asLong()).isEqualTo(7L * 64 * 64 * 8);
        assertThat(j.get("messages").get(0).get("class").asText()).isEqualTo("intra-vm");
    }

    @Test
    void svgDrawsHostsVmsRanksAndEveryMessage() throws Exception {
        Path svg = dir.resolve("hybrid.svg");
        Cli r = Cli.run("plan", "--scenario", "paper", "--placement", "hybrid", "--svg", svg.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String text = Files.readString(svg);
        assertThat(text).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
        assertThat(count(text, "class=\"host\"")).isEqualTo(2);
        assertThat(count(text, "class=\"vm\"")).isEqualTo(8);
        assertThat(count(text, "class=\"rank\"")).isEqualTo(16);
        assertThat(count(text, "class=\"msg inter-host\"")).isEqualTo(7);
        assertThat(count(text, "class=\"msg intra-vm\"")).isEqualTo(8);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(svg); // written atomically: no temporary left behind
        }
    }

    @Test
    void aPlacementFileIsReadAndChecked() throws Exception {
        Path f = dir.resolve("map.yaml");
        Files.writeString(f, "ranks: [node1, node3, node2, node4]\n");
        Cli ok = Cli.run("plan", "--placement", "file:" + f, "--ranks", "4");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("inter-host messages: 3/3");

        Files.writeString(f, "ranks:\n  - node1\n  - node9\n  - node1\n  - node1\n");
        Cli bad = Cli.run("plan", "--placement", "file:" + f, "--ranks", "4");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains(f + ":3:5: ranks[1]: unknown VM 'node9'; scenario 'local' has: node1, node2, node3, node4")
                .contains(f + ":5:5: ranks[3]: VM 'node1' would hold more ranks than its 2 vCPUs");

        Files.writeString(f, "ranks: [node1, node2]\n");
        Cli count = Cli.run("plan", "--placement", "file:" + f, "--ranks", "4");
        assertThat(count.exitCode()).isEqualTo(2);
        assertThat(count.err()).contains(f + ":1:8: ranks: the file places 2 ranks but the run has 4");
    }

    @Test
    void badOptionsAreUsageErrorsWithoutStackTraces() {
        assertUsage(Cli.run("plan", "--decomp", "4x1"), "--decomp: decomp: expected three extents XxYxZ such as 16x1x1, got '4x1'");
        assertUsage(Cli.run("plan", "--decomp", "4x2x1", "--ranks", "4"), "--ranks 4 does not match --decomp 4x2x1 (8 processes)");
        assertUsage(Cli.run("plan", "--decomp", "16x1x1"), "16 ranks do not fit on the 8 vCPUs of scenario 'local'");
        assertUsage(Cli.run("plan", "--decomp", "8x1x1", "--grid", "4x64x64"), "axis X: 4 cells cannot be split over 8 processes");
        assertUsage(Cli.run("plan", "--placement", "diagonal"), "unknown placement 'diagonal'; expected inter, intra, hybrid");
        assertUsage(Cli.run("plan", "--placement", "hybrid:0"), "hybrid:K needs a block size K >= 1");
        assertUsage(Cli.run("plan", "--grid", "0x4x4"), "every extent must be >= 1");
        Cli unknown = Cli.run("plan", "--colour");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--colour'").contains("Usage: iovlab plan");
    }

    private static void assertUsage(Cli r, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "scenario", "scenario list", "scenario show", "plan", "testbed", "testbed up", "testbed down",
            "testbed status", "testbed exec", "bench", "bench server", "bench stream", "bench rr", "app", "app advect"})
    void everyCommandHasHelp(String command) {
        String[] args = (command + " --help").strip().split(" ");
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: iovlab" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void scenarioListAndShow() throws Exception {
        Cli list = Cli.run("scenario", "list");
        assertThat(list.out()).containsPattern("local\\s+2\\s+4\\s+8\\s+bridged").containsPattern("paper\\s+2\\s+8\\s+16\\s+bridged");
        Cli show = Cli.run("scenario", "show", "paper", "--datapath", "iov");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("datapath: iov").contains("lineRate: 10Gbit/s").contains("address: 198.18.0.10");
        JsonNode j = new ObjectMapper().readTree(Cli.run("scenario", "list", "--json").out());
        assertThat(j).hasSize(2);
        assertThat(j.get(0).get("default").asBoolean()).isTrue();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }
}
