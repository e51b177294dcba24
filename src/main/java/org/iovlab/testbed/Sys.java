package org.iovlab.testbed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs short system commands (ip, tc) as argument vectors and checks their exit status. */
public final class Sys {
    private Sys() {}

    public record Result(int exit, String out, String err) {}

    /** Runs {@code argv} with {@code stdin} (may be empty); throws unless it exits 0. */
    public static String run(List<String> argv, String stdin) {
        return run(argv, stdin, pid -> { });
    }

    /** As {@link #run(List, String)}, telling {@code onStart} the pid before the command gets its input. */
    public static String run(List<String> argv, String stdin, java.util.function.LongConsumer onStart) {
        Result r = tryRun(argv, stdin, onStart);
        if (r.exit() != 0) {
            throw new TestbedException(String.join(" ", argv) + " failed (exit " + r.exit() + "): " + r.err().strip()
                    + (stdin.isEmpty() ? "" : "\n  input was:\n    " + stdin.strip().replace("\n", "\n    ")));
        }
        return r.out();
    }

    public static Result tryRun(List<String> argv, String stdin) {
        return tryRun(argv, stdin, pid -> { });
    }

    public static Result tryRun(List<String> argv, String stdin, java.util.function.LongConsumer onStart) {
        try {
            Process p = new ProcessBuilder(argv).start();
            onStart.accept(p.pid());
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TestbedException(String.join(" ", argv) + " did not finish within 60 s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new TestbedException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestbedException("interrupted while running " + argv.get(0), e);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
