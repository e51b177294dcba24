package org.iovlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The libc sockets (src/main/java22). Tests load classes from target/classes, where a
 * multi-release jar's META-INF/versions/22 does not apply, so these run the CLI in a child JVM
 * with that directory first on the class path (the agent and server it starts inherit it).
 */
class NativeTcpTest {
    @TempDir Path dir;

    private static Path versions22() throws Exception {
        assumeTrue(Runtime.version().feature() >= 22, "libc sockets need JDK 22+, this is " + Runtime.version());
        Path classes = Path.of(NativeTcp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path v22 = classes.resolve("META-INF/versions/22");
        assertThat(v22.resolve("org/iovlab/bench/NativeTcp.class")).exists();
        return v22;
    }

    private record Run(int exitCode, String out) {}

    private Run iovlab(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", versions22() + File.pathSeparator + System.getProperty("java.class.path"),
                "org.iovlab.cli.Main"));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("out.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("iovlab did not finish: " + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(90)
    void requestResponseAndStreamRunOverLibcSockets() throws Exception {
        Path json = dir.resolve("rr.json");
        Run rr = iovlab("bench", "rr", "--duration", "1", "--size", "100", "--response-size", "3000", "--min-reps", "1",
                "--max-reps", "1", "--json", json.toString());
        assertThat(rr.exitCode()).as(rr.out()).isZero();
        assertThat(rr.out()).doesNotContain("WARNING");
        JsonNode rep = new ObjectMapper().readTree(json.toFile()).get("repetitions").get(0).get("result");
        assertThat(rep.get("transport").asText()).isEqualTo("libc");
        assertThat(rep.get("transactions").asLong()).isPositive();
        // The stream's receiver is the same libc server.
        Run stream = iovlab("bench", "stream", "--duration", "1", "--min-reps", "1", "--max-reps", "1");
        assertThat(stream.exitCode()).as(stream.out()).isZero();
        assertThat(stream.out()).contains("MiB/s");
    }

    @Test
    @Timeout(60)
    void aRefusedPortSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = iovlab("bench", "rr", "--to", "127.0.0.1:" + port, "--duration", "1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("connection to /127.0.0.1:" + port + " refused: is `iovlab bench server` running there?");
    }

    @Test
    @Timeout(60)
    void aSilentPeerFailsWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0));
            long t0 = System.nanoTime();
            Run r = iovlab("bench", "rr", "--to", "127.0.0.1:" + silent.getLocalPort(), "--duration", "1", "--timeout", "2");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).contains("bench rr failed").contains("stopped answering");
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
        }
    }

    @Test
    void withoutJdk22TheChannelIsUsed() throws IOException {
        // In this JVM the base version is loaded (target/classes is not a jar).
        assertThat(NativeTcp.available()).isFalse();
    }
}
