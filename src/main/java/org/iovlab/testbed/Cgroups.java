package org.iovlab.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * cgroup v1 cpuset and cpu groups, one per node, named like its namespace, directly under each
 * controller's mount (/sys/fs/cgroup/cpuset/iov0node1). Where v1 cpuset is not mounted the
 * testbed falls back to CPU affinity alone (taskset), and says so.
 */
public final class Cgroups {
    private Cgroups() {}

    public static Path root() {
        return Path.of(System.getProperty("iovlab.cgroup.root", "/sys/fs/cgroup"));
    }

    public static boolean available() {
        return Files.isRegularFile(root().resolve("cpuset/cpuset.cpus")) && Files.isRegularFile(root().resolve("cpu/cpu.shares"));
    }

    /** The CPUs this machine offers (the root cpuset, else 0..n-1). */
    public static List<Integer> machineCpus() {
        try {
            Path p = root().resolve("cpuset/cpuset.effective_cpus");
            if (!Files.isRegularFile(p)) p = root().resolve("cpuset/cpuset.cpus");
            if (Files.isRegularFile(p)) return CpuMap.parse(Files.readString(p));
        } catch (IOException e) {
            // fall through
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) all.add(i);
        return all;
    }

    public static Path dir(String controller, String name) {
        return root().resolve(controller).resolve(name);
    }

    public static void create(Op.AddCgroup c) {
        try {
            Path cs = dir("cpuset", c.name());
            Files.createDirectories(cs);
            write(cs.resolve("cpuset.mems"), Files.readString(root().resolve("cpuset/cpuset.mems")).strip());
            write(cs.resolve("cpuset.cpus"), c.cpus());
            Path cpu = dir("cpu", c.name());
            Files.createDirectories(cpu);
            write(cpu.resolve("cpu.shares"), Integer.toString(c.shares()));
            if (c.quotaMicros() > 0) {
                write(cpu.resolve("cpu.cfs_period_us"), Long.toString(CpuMap.PERIOD_MICROS));
                write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(c.quotaMicros()));
            }
        } catch (IOException e) {
            throw new TestbedException("cannot create cgroup " + c.name() + ": " + e.getMessage(), e);
        }
    }

    /** Pids of the processes in the node's groups. */
    public static List<Long> tasks(String name) {
        List<Long> out = new ArrayList<>();
        for (String controller : List.of("cpuset", "cpu")) {
            Path t = dir(controller, name).resolve("cgroup.procs");
            try {
                if (Files.exists(t)) Files.readAllLines(t).stream().filter(s -> !s.isBlank()).map(Long::parseLong).forEach(out::add);
            } catch (IOException e) {
                // group vanished meanwhile
            }
        }
        return out;
    }

    /** Removes the node's groups; a group still holding tasks is retried briefly, then reported. */
    public static List<String> remove(String name) {
        List<String> failed = new ArrayList<>();
        for (String controller : List.of("cpuset", "cpu")) {
            Path d = dir(controller, name);
            for (int attempt = 0; Files.exists(d); attempt++) {
                try {
                    Files.delete(d);
                } catch (IOException e) {
                    if (attempt >= 50) {
                        failed.add(d + ": " + e.getMessage());
                        break;
                    }
                    sleep(20);
                }
            }
        }
        return failed;
    }

    static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
