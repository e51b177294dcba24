package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.iovlab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL of one rank of {@code iovlab app advect --comm tcp}: exit 1 within 5 s naming the rank, no process left. */
class AdvectKillTest {
    @TempDir Path dir;

    private List<ProcessHandle> ranks() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(dir.toString())).toList();
    }

    @Test
    void killingARankEndsTheRunNamingIt() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        // A thread of its own, not the common pool: Process.onExit() completes there, and on 2 cores
        // the pool has one worker, which this run would occupy.
        CompletableFuture<Integer> run = new CompletableFuture<>();
        Thread runner = new Thread(() -> run.complete(Main.run(new PrintWriter(out), new PrintWriter(err),
                "app", "advect", "--comm", "tcp", "--ranks", "3", "--grid", "48x48x48", "--steps", "10000000",
                "--json", dir.resolve("never.json").toString())));
        runner.start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ranks().size() < 3) {
                assertThat(System.nanoTime()).as("3 rank processes started").isLessThan(until);
                assertThat(run).as("run still going: " + err).isNotDone();
                Thread.sleep(50);
            }
            Thread.sleep(2000); // past start-up, inside the step loop
            ProcessHandle victim = ranks().stream().filter(p -> p.info().commandLine().orElse("").contains("--rank 1 "))
                    .findFirst().orElseThrow();
            long t0 = System.nanoTime();
            assertThat(victim.destroyForcibly()).isTrue();
            int code;
            try {
                code = run.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no end 10 s after killing " + victim.info().commandLine().orElse("?") + "; err: " + err
                        + "; out: " + out + "; alive: " + ranks().stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList());
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(millis).as(err.toString()).isLessThan(5000);
            assertThat(code).isEqualTo(Main.RUN_FAILED);
            assertThat(err.toString()).startsWith("iovlab: advect on tcp failed: rank 1 was killed by signal 9 (SIGKILL)");
            Thread.sleep(200);
            assertThat(ranks()).as("rank processes left").isEmpty();
            assertThat(dir.resolve("never.json")).doesNotExist();
            System.out.println("advect tcp SIGKILL: exit " + code + " after " + millis + " ms: " + err.toString().strip());
        } finally {
            ranks().forEach(ProcessHandle::destroyForcibly);
            runner.join(10_000);
        }
    }
}
