package org.iovlab.comm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.iovlab.comm.Backend;
import org.iovlab.comm.ConformancePrograms;
import org.iovlab.comm.JobOptions;
import org.iovlab.comm.Jobs;
import org.iovlab.comm.RankCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the launcher itself dies (SIGKILL: no shutdown hook runs), its rank processes follow it. */
class LauncherKillTest {

    /** A launcher in its own JVM: runs a looping tcp job of 3 ranks. */
    public static final class Launcher {
        public static void main(String[] args) {
            Jobs.run(Backend.TCP, 3, ConformancePrograms.Loop.class, new String[]{args[0]}, JobOptions.defaults());
        }
    }

    @Test
    void ranksExitWhenTheirLauncherIsKilled(@TempDir Path dir) throws Exception {
        List<String> cmd = RankCommand.java(List.of(), RankCommand.classpath(), Launcher.class.getName());
        cmd.add(dir.toString());
        Process launcher = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("launcher.log").toFile()).start();
        try {
            List<Long> pids = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int r = 0; r < 3; r++) {
                Path ready = dir.resolve("ready-" + r);
                while (!Files.exists(ready)) {
                    assertThat(System.nanoTime() - until).as("rank " + r + " ready").isNegative();
                    assertThat(launcher.isAlive()).as("launcher alive").isTrue();
                    Thread.sleep(20);
                }
                pids.add(Long.parseLong(Files.readString(ready)));
            }
            launcher.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains(dir.toString()))).isEmpty();
        } finally {
            launcher.destroyForcibly();
        }
    }
}
