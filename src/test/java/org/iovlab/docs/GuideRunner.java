package org.iovlab.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.iovlab.cli.Main;

/**
 * Runs a guide block's commands in order. A foreground command runs in-process through
 * {@link Main#run} with one writer for stdout and stderr, so the output interleaves as on a
 * terminal, except {@code testbed exec}, whose program writes to the terminal itself: it runs as
 * its own JVM on this classpath, as does a background one ({@code &}) runs as its own JVM on this classpath, and the block
 * waits for its first line before going on and stops it at the end. Files a command writes
 * ({@code --out}, {@code --json}, {@code --svg}) must be under /tmp and are removed first, so
 * that nothing left from an earlier run can make a command pass.
 */
final class GuideRunner {
    private GuideRunner() {}

    private static final Set<String> OUTPUT_OPTIONS = Set.of("--out", "-o", "--json", "--svg");

    static void run(GuideDocs.Block block) throws Exception {
        List<Process> background = new ArrayList<>();
        try {
            for (GuideDocs.Command c : block.commands()) removeOutputs(c);
            for (GuideDocs.Command c : block.commands()) {
                if (c.background()) background.add(start(c));
                else if (handsOverTheTerminal(c)) runAsProcess(c);
                else runInProcess(c);
            }
        } finally {
            for (Process p : background) stop(p);
        }
    }

    static boolean handsOverTheTerminal(GuideDocs.Command c) {
        return c.args().size() >= 2 && c.args().get(0).equals("testbed") && c.args().get(1).equals("exec");
    }

    static void runInProcess(GuideDocs.Command c) {
        StringWriter text = new StringWriter();
        PrintWriter both = new PrintWriter(text, true);
        long t0 = System.nanoTime();
        int code = Main.run(both, both, c.args().toArray(String[]::new));
        both.flush();
        check(c, code, text.toString(), t0);
    }

    static void runAsProcess(GuideDocs.Command c) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(argv(c)).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        var out = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofPlatform().daemon().name("guide-fg").start(() -> {
            try {
                out.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.completeExceptionally(e);
            }
        });
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            stop(p);
            fail("%s: still running after 120 s", c);
        }
        try {
            check(c, p.exitValue(), out.get(10, TimeUnit.SECONDS), t0);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(c + ": could not read its output", e);
        }
    }

    private static void check(GuideDocs.Command c, int code, String out, long t0) {
        System.out.printf("[guide] %s -> exit %d in %.1f s%n", c, code, (System.nanoTime() - t0) / 1e9);
        assertThat(code).as("%s: exit code; it printed:%n%s", c, out).isEqualTo(c.exit());
        if (!OutputMatch.matches(c.output(), out)) {
            fail("%s: output differs from the guide.%n--- the guide shows:%n%s%n--- it printed:%n%s", c, String.join("\n", c.output()), out);
        }
    }

    /** Starts the command as a process; returns once it printed its first line, which must be the guide's first line. */
    static Process start(GuideDocs.Command c) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv(c)).redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        var first = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofPlatform().daemon().name("guide-bg").start(() -> {
            try {
                first.complete(reader.readLine());
                while (reader.readLine() != null) { /* drain */ }
            } catch (IOException e) {
                first.completeExceptionally(e);
            }
        });
        String line;
        try {
            line = first.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            stop(p);
            throw new AssertionError(c + ": printed nothing within 60 s", e);
        }
        System.out.printf("[guide] %s & -> %s%n", c, line);
        if (line == null) fail("%s: exited (%d) before printing anything", c, p.waitFor());
        List<String> expected = c.output().isEmpty() ? List.of() : List.of(c.output().get(0));
        if (!expected.isEmpty() && !OutputMatch.lineMatches(OutputMatch.normalize(expected.get(0)), OutputMatch.normalize(line))) {
            stop(p);
            fail("%s: first line differs from the guide: shows '%s', printed '%s'", c, expected.get(0), line);
        }
        assertThat(c.output()).as("%s: a background command shows only its first line", c).hasSizeLessThanOrEqualTo(1);
        assertThat(p.isAlive()).as("%s: still running", c).isTrue();
        return p;
    }

    /** This JVM's java and classpath running iovlab's main class with the command's arguments. */
    static List<String> argv(GuideDocs.Command c) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        argv.addAll(c.args());
        return argv;
    }

    static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void removeOutputs(GuideDocs.Command c) throws IOException {
        List<String> a = c.args();
        for (int i = 0; i + 1 < a.size(); i++) {
            if (!OUTPUT_OPTIONS.contains(a.get(i))) continue;
            Path p = Path.of(a.get(i + 1)).toAbsolutePath().normalize();
            assertThat(p.startsWith("/tmp/")).as("%s: the guide writes outputs under /tmp only, not %s", c, p).isTrue();
            if (!Files.exists(p)) continue;
            try (Stream<Path> all = Files.walk(p)) {
                for (Path q : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
            }
        }
    }
}
