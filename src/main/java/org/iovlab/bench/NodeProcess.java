package org.iovlab.bench;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An iovlab JVM started as a child process, optionally inside a node (the argv prefix enters
 * its namespace and CPU set), talked to by lines on stdin and stdout. Its stderr goes to a log
 * that is quoted when it fails. Closing it ends the process, forcibly if it does not exit.
 */
final class NodeProcess implements AutoCloseable {
    private static final String EOF = "\u0000eof";

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path log;

    private NodeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("iovlab-" + name + "-out").start(() -> {
            try (var r = process.inputReader(StandardCharsets.UTF_8)) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (IOException ignored) {
                // the process ended; EOF below says so
            }
            lines.add(EOF);
        });
    }

    /** Starts {@code iovlab ARGS...} (this JVM's own java and class path) behind {@code prefix}. */
    static NodeProcess start(String name, List<String> prefix, List<String> iovlabArgs) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        // With -cp, the jar manifest's Enable-Native-Access does not apply: the libc sockets (NativeTcp) need the flag.
        cmd.addAll(List.of("-XX:+UseSerialGC", "-Xss512k", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.iovlab.cli.Main"));
        cmd.addAll(iovlabArgs);
        Path log = Files.createTempFile("iovlab-" + name, ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        return new NodeProcess(name, p, log);
    }

    String name() {
        return name;
    }

    void send(String line) throws IOException {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
    }

    /** The next line of output; a clear error if the process ends or stays silent past {@code timeout}. */
    String readLine(Duration timeout) throws IOException {
        String l;
        try {
            l = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + name, e);
        }
        if (l == null) throw new IOException(name + " gave no answer within " + timeout.toMillis() + " ms");
        if (l.equals(EOF)) {
            lines.add(EOF);
            throw new IOException(name + " ended unexpectedly" + exitAndLog());
        }
        return l;
    }

    private String exitAndLog() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
            String tail = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (tail.length() > 800) tail = "..." + tail.substring(tail.length() - 800);
            return (process.isAlive() ? "" : " (exit " + process.exitValue() + ")") + (tail.isEmpty() ? "" : ": " + tail);
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
