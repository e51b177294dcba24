package org.iovlab.comm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processes of one job (a process per rank, or one mpirun): started with their stdin held
 * open (a rank exits when it closes, so none outlives the launcher), stdout and stderr copied
 * to ours, and waited for. Once one fails, the others get a grace period to stop on their own,
 * then they and their descendants are killed. The failure reported names the rank at the root.
 */
public final class RankProcesses {
    private static final Pattern FAILURE = Pattern.compile(Pattern.quote(RankExit.MARK) + "(\\d+) culprit=(-?\\d+): (.*)");

    private final List<Proc> procs = new ArrayList<>();
    private final LinkedBlockingQueue<Proc> exits = new LinkedBlockingQueue<>();
    private final List<Report> reports = new ArrayList<>();
    private final Duration grace;

    private record Report(int rank, int culprit, String message) {}

    private static final class Proc {
        final int rank;
        final Process process;
        final List<Thread> pumps = new ArrayList<>();
        volatile boolean killedByUs;

        Proc(int rank, Process process) {
            this.rank = rank;
            this.process = process;
        }
    }

    /** @param grace how long the others may take to stop by themselves after a failure */
    public RankProcesses(Duration grace) {
        this.grace = grace;
    }

    /** Starts {@code argv} as rank {@code rank} (-1: a launcher of many ranks, e.g. mpirun); returns its pid. */
    public long start(int rank, List<String> argv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            killAll();
            throw e;
        }
        Proc p = new Proc(rank, process);
        procs.add(p);
        String prefix = rank >= 0 ? "[rank " + rank + "] " : "";
        p.pumps.add(pump(process.getInputStream(), System.out, "", false));
        p.pumps.add(pump(process.getErrorStream(), System.err, prefix, true));
        process.onExit().thenRun(() -> exits.add(p));
        return process.pid();
    }

    /** Waits for every process; throws naming the root-cause rank if any failed. */
    public void awaitAll() {
        int left = procs.size();
        List<Proc> failed = new ArrayList<>();
        long failedAt = 0;
        try {
            while (left > 0) {
                long wait = failed.isEmpty() ? 1000 : Math.max(1, grace.toMillis() - (System.nanoTime() - failedAt) / 1_000_000);
                Proc p = exits.poll(wait, TimeUnit.MILLISECONDS);
                if (p != null) {
                    left--;
                    if (p.process.exitValue() != 0 && !p.killedByUs) {
                        if (failed.isEmpty()) failedAt = System.nanoTime();
                        failed.add(p);
                    }
                } else if (!failed.isEmpty()) {
                    killAll();
                }
            }
        } catch (InterruptedException e) {
            killAll();
            Thread.currentThread().interrupt();
            throw new JobFailedException(-1, "interrupted while waiting for the job; its processes were killed");
        }
        for (Proc p : procs) joinPumps(p);
        if (!failed.isEmpty()) throw rootCause(failed);
    }

    /** Kills every process still running, with its descendants (SIGKILL), and waits for them. */
    public void killAll() {
        for (Proc p : procs) {
            if (!p.process.isAlive()) continue;
            p.killedByUs = true;
            p.process.descendants().forEach(ProcessHandle::destroyForcibly);
            p.process.destroyForcibly();
        }
        for (Proc p : procs) {
            try {
                p.process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private JobFailedException rootCause(List<Proc> failed) {
        List<Report> rs;
        synchronized (reports) {
            rs = List.copyOf(reports);
        }
        // First choice: a rank that failed by itself (its own report, a signal, a bare exit status).
        for (Proc p : failed) {
            int status = p.process.exitValue();
            if (p.rank < 0) break;
            Report own = rs.stream().filter(r -> r.rank() == p.rank && r.culprit() == p.rank).findFirst().orElse(null);
            boolean blamesOther = rs.stream().anyMatch(r -> r.rank() == p.rank && r.culprit() != p.rank);
            if (own != null) return new JobFailedException(p.rank, own.message() + others(rs, p.rank));
            if (!blamesOther) return new JobFailedException(p.rank, describeExit(p.rank, status) + others(rs, p.rank));
        }
        for (Report r : rs) if (r.rank() == r.culprit()) return new JobFailedException(r.culprit(), r.message() + others(rs, r.culprit()));
        if (!rs.isEmpty()) return new JobFailedException(rs.get(0).culprit(), rs.get(0).message() + others(rs, rs.get(0).culprit()));
        Proc p = failed.get(0);
        return new JobFailedException(p.rank, (p.rank >= 0 ? "" : argv0(p) + ": ") + describeExit(p.rank, p.process.exitValue()));
    }

    private static String others(List<Report> rs, int culprit) {
        List<String> said = rs.stream().filter(r -> r.rank() != culprit).map(r -> "rank " + r.rank() + ": " + r.message()).toList();
        return said.isEmpty() ? "" : " (then " + String.join("; ", said) + ")";
    }

    static String describeExit(int rank, int status) {
        String who = rank >= 0 ? "rank " + rank : "the job";
        if (status > 128 && status < 128 + 65) {
            int sig = status - 128;
            return who + " was killed by signal " + sig + signalName(sig);
        }
        return who + " exited with status " + status;
    }

    private static String signalName(int sig) {
        return switch (sig) {
            case 9 -> " (SIGKILL)";
            case 15 -> " (SIGTERM)";
            case 6 -> " (SIGABRT)";
            case 11 -> " (SIGSEGV)";
            case 2 -> " (SIGINT)";
            default -> "";
        };
    }

    private static String argv0(Proc p) {
        return p.process.info().command().orElse("launcher");
    }

    private Thread pump(InputStream in, PrintStream to, String prefix, boolean parse) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = parse ? FAILURE.matcher(line) : null;
                    if (m != null && m.find()) {
                        synchronized (reports) {
                            reports.add(new Report(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
                        }
                    }
                    // Every rank JVM that loads the Vector API says so; the launcher already did, once.
                    if (line.startsWith("WARNING: Using incubator modules")) continue;
                    synchronized (to) {
                        to.println(prefix + line);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "iovlab-output-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void joinPumps(Proc p) {
        for (Thread t : p.pumps) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
