package org.iovlab.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.iovlab.testbed.Cgroups;

/**
 * Starts a process already inside a node's cgroups, with no window in which it (or a child it
 * forks at once) runs outside them: a dedicated platform thread moves itself into the node's
 * cpuset and cpu groups (cgroup v1 membership is per thread and a fork inherits the forking
 * thread's), starts the process, and then moves itself, and any JVM thread it created
 * meanwhile (the JDK's process reaper), back home.
 */
final class CgroupSpawner {
    private CgroupSpawner() {}

    private static final List<String> CONTROLLERS = List.of("cpuset", "cpu");
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "iovlab-spawn");
        t.setDaemon(true);
        return t;
    });

    static Process start(ProcessBuilder pb, String cgroup) throws IOException {
        Future<Process> f = THREAD.submit(() -> startHere(pb, cgroup));
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a process", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private static Process startHere(ProcessBuilder pb, String cgroup) throws IOException {
        String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        List<String> home = CONTROLLERS.stream().map(c -> ownPath(tid, c)).toList();
        try {
            for (String c : CONTROLLERS) write(Cgroups.dir(c, cgroup).resolve("tasks"), tid);
            return pb.start();
        } finally {
            // Every thread of this JVM now in the node's groups came from this thread: send it home.
            for (int i = 0; i < CONTROLLERS.size(); i++) {
                Path nodeTasks = Cgroups.dir(CONTROLLERS.get(i), cgroup).resolve("tasks");
                Path homeTasks = Cgroups.root().resolve(CONTROLLERS.get(i)).resolve(home.get(i).substring(1)).resolve("tasks");
                for (String t : selfThreads()) {
                    if (Files.readAllLines(nodeTasks).contains(t)) write(homeTasks, t);
                }
            }
        }
    }

    private static List<String> selfThreads() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/task"))) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** The thread's current group under {@code controller}, e.g. "/" (from /proc/self/task/TID/cgroup). */
    private static String ownPath(String tid, String controller) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/task", tid, "cgroup"))) {
                String[] f = line.split(":", 3);
                if (f.length == 3 && List.of(f[1].split(",")).contains(controller)) return f[2];
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read this thread's cgroups: " + e.getMessage(), e);
        }
        throw new LaunchException("this thread is in no " + controller + " cgroup (v1 not mounted?)");
    }

    private static void write(Path tasks, String tid) throws IOException {
        Files.writeString(tasks, tid, StandardCharsets.US_ASCII);
    }
}
