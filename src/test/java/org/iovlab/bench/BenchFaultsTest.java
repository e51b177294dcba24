package org.iovlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.iovlab.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Faults end a benchmark with exit 1, a clear message within the timeout, and what was measured kept. */
class BenchFaultsTest {
    @TempDir Path dir;

    @Test
    @Timeout(30)
    void aRefusedPortFailsAtOnce() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path json = dir.resolve("r.json");
        long t0 = System.nanoTime();
        Cli r = Cli.run("bench", "stream", "--to", "127.0.0.1:" + port, "--duration", "1", "--json", json.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("connection to /127.0.0.1:" + port + " refused: is `iovlab bench server` running there?");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(15);
        assertThat(json).doesNotExist(); // nothing was measured, so nothing is claimed
    }

    @Test
    @Timeout(40)
    void aSilentPeerFailsWithinTheTimeout() throws IOException {
        // Accepts connections (the kernel does) but never reads or answers.
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0));
            long t0 = System.nanoTime();
            Cli r = Cli.run("bench", "rr", "--to", "127.0.0.1:" + silent.getLocalPort(), "--duration", "1", "--timeout", "2");
            double took = (System.nanoTime() - t0) / 1e9;
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("bench rr failed").contains("stopped answering");
            assertThat(took).isLessThan(15);
        }
    }

    @Test
    @Timeout(90)
    void aPeerDyingMidTestKeepsTheRepetitionsMeasuredBefore() throws Exception {
        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), "org.iovlab.cli.Main", "bench", "server", "--bind", "127.0.0.1:0")
                .redirectErrorStream(true).start();
        try {
            String line = server.inputReader().readLine();
            assertThat(line).startsWith("listening on 127.0.0.1:");
            String to = line.substring("listening on ".length());
            // Kill the server once two repetitions are in (however long they take on a busy machine).
            java.io.StringWriter err = new java.io.StringWriter(), out = new java.io.StringWriter();
            Thread killer = Thread.ofPlatform().start(() -> {
                try {
                    while (!err.toString().contains("repetition 2:")) Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                server.destroyForcibly();
            });
            Path json = dir.resolve("partial.json");
            int code = org.iovlab.cli.Main.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), "bench", "stream",
                    "--to", to, "--duration", "1", "--min-reps", "10", "--max-reps", "10", "--json", json.toString());
            Cli r = new Cli(code, out.toString(), err.toString());
            killer.join();
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("bench stream failed").contains("results measured so far are in " + json + " (marked partial)");
            JsonNode j = new ObjectMapper().readTree(json.toFile());
            assertThat(j.get("partial").asBoolean()).isTrue();
            assertThat(j.get("repetitions").size()).isBetween(2, 3);
            assertThat(j.get("totalMiBps").get("mean").asDouble()).isPositive();
            try (var files = Files.list(dir)) {
                assertThat(files.map(Path::getFileName).map(Path::toString).toList()).containsExactly("partial.json");
            }
        } finally {
            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(Cli.run("bench", "stream", "--to", "nowhere").err()).contains("expected HOST:PORT such as 198.18.0.2:5201");
        assertThat(Cli.run("bench", "stream", "--send-size", "0").exitCode()).isEqualTo(2);
        assertThat(Cli.run("bench", "stream", "--min-reps", "5", "--max-reps", "2").err()).contains("need 1 <= min <= max repetitions");
        assertThat(Cli.run("bench", "rr", "--to", "a:1", "--to", "b:2").err()).contains("rr takes one server, got 2");
        assertThat(Cli.run("bench", "rr", "--vs-sockperf", "--response-size", "200").err()).contains("sockperf ping-pong sends equal messages");
        assertThat(Cli.run("bench", "rr", "--vs-sockperf", "--size", "8").exitCode()).isEqualTo(2);
    }

}
