package org.iovlab.comm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.iovlab.comm.Backend;
import org.iovlab.comm.ConformancePrograms;
import org.iovlab.comm.JobFailedException;
import org.iovlab.comm.JobOptions;
import org.iovlab.comm.Jobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TcpKillTest {

    @Test
    void sigkillOfOneRankEndsTheJobWithin5sNamingItAndLeavesNoProcess(@TempDir Path dir) throws Exception {
        int ranks = 4;
        CompletableFuture<Void> job = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                Jobs.run(Backend.TCP, ranks, ConformancePrograms.Loop.class, new String[]{dir.toString()},
                        JobOptions.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60)));
                job.complete(null);
            } catch (Throwable e) {
                job.completeExceptionally(e);
            }
        });
        runner.start();
        List<Long> pids = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int r = 0; r < ranks; r++) {
            Path ready = dir.resolve("ready-" + r);
            while (!Files.exists(ready)) {
                assertThat(System.nanoTime() - until).as("rank " + r + " ready").isNegative();
                assertThat(job).as("job still running while waiting for rank " + r).isNotDone();
                Thread.sleep(20);
            }
            pids.add(Long.parseLong(Files.readString(ready)));
        }
        Thread.sleep(300); // all ranks deep in their exchange loop
        ProcessHandle victim = ProcessHandle.of(pids.get(1)).orElseThrow();
        long t0 = System.nanoTime();
        assertThat(victim.destroyForcibly()).isTrue(); // SIGKILL

        Throwable failure;
        try {
            job.get(10, TimeUnit.SECONDS);
            failure = null;
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(failure).isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.rank()).isEqualTo(1))
                .hasMessageStartingWith("rank 1 was killed by signal 9 (SIGKILL)")
                .hasMessageContaining("rank 0: rank 1 died");
        // No rank process is left: neither the ones we know nor anything started with our ready directory.
        for (long pid : pids) assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("pid " + pid).isIn(java.util.Optional.empty(), java.util.Optional.of(false));
        List<String> leftovers = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(dir.toString())).toList();
        assertThat(leftovers).isEmpty();
        System.out.println("tcp SIGKILL: the job ended " + took.toMillis() + " ms after the kill: " + failure.getMessage());
    }
}
