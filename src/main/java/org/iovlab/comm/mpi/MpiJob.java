package org.iovlab.comm.mpi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.iovlab.comm.JobFailedException;
import org.iovlab.comm.JobOptions;
import org.iovlab.comm.RankProcesses;
import org.iovlab.comm.RankProgram;

/** Runs a job under {@code mpirun}; each rank runs {@code MpiRankMain} on Open MPI's Java bindings. */
public final class MpiJob {
    private MpiJob() {}

    public static void run(int ranks, Class<? extends RankProgram> program, String[] args, JobOptions options) {
        MpiSetup setup = MpiSetup.find().require();
        Path dir = null;
        RankProcesses procs = new RankProcesses(Duration.ofSeconds(5));
        try {
            dir = Files.createTempDirectory("iovlab-mpi-");
            MpirunCommand cmd = MpirunCommand.of(ranks, program, args, options, setup, dir, runningAsRoot());
            cmd.writeFiles();
            procs.start(-1, cmd.argv());
            procs.awaitAll();
        } catch (IOException e) {
            procs.killAll();
            throw new UncheckedIOException("could not start mpirun: " + e.getMessage(), e);
        } catch (JobFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            procs.killAll();
            throw e;
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    /** Whether this process runs as root (mpirun then needs --allow-run-as-root). */
    public static boolean runningAsRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
