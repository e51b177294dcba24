package org.iovlab.launch;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A process started by the {@link Launcher} in a node: its own session and process group (so
 * {@link #kill()} reaches everything it started), its output collected (and streamed to the
 * launcher's consumers), killed with its whole group on timeout.
 */
public final class Launched implements AutoCloseable {
    private final Process process;
    private final String node;
    private final List<String> argv;
    private final CompletableFuture<String> out;
    private final CompletableFuture<String> err;
    private final long startNanos = System.nanoTime();

    Launched(Process process, String node, List<String> argv, CompletableFuture<String> out, CompletableFuture<String> err) {
        this.process = process;
        this.node = node;
        this.argv = List.copyOf(argv);
        this.out = out;
        this.err = err;
    }

    /** The pid, which is also the process group id. */
    public long pid() {
        return process.pid();
    }

    public String node() {
        return node;
    }

    public Process process() {
        return process;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the process; on timeout kills its group and returns with {@code timedOut}.
     * The output is complete once this returns.
     */
    public Result await(Duration timeout) {
        boolean done;
        try {
            done = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting for " + argv.get(0) + " in " + node, e);
        }
        if (!done) kill();
        int code = waitQuietly();
        // The group may hold children that outlive the leader and keep the pipes open.
        Launcher.killGroup(pid());
        return new Result(node, argv, code, !done, out.join(), err.join(), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private int waitQuietly() {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kills the whole process group with SIGKILL, then whatever descendants escaped it. */
    public void kill() {
        Launcher.killGroup(pid());
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive()) kill();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing to do
        }
        Launcher.forget(this);
    }

    /** How a launched process ended. {@code exit} is the status of {@code setsid}, i.e. of the command. */
    public record Result(String node, List<String> argv, int exit, boolean timedOut, String out, String err, Duration elapsed) {
        public boolean ok() {
            return exit == 0 && !timedOut;
        }

        /** Throws a {@link LaunchException} with the tail of stderr unless the command succeeded. */
        public Result orThrow() {
            if (ok()) return this;
            String tail = err.length() > 2000 ? err.substring(err.length() - 2000) : err;
            throw new LaunchException(String.join(" ", argv) + " in " + node
                    + (timedOut ? " timed out after " + elapsed.toMillis() + " ms" : " exited with " + exit)
                    + (tail.isBlank() ? "" : ": " + tail.strip()));
        }
    }
}
