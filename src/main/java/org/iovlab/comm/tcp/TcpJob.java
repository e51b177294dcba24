package org.iovlab.comm.tcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.iovlab.comm.JobFailedException;
import org.iovlab.comm.JobOptions;
import org.iovlab.comm.RankCommand;
import org.iovlab.comm.RankProcesses;
import org.iovlab.comm.RankProgram;

/**
 * Runs a job's ranks as JVM processes talking TCP. Each rank's command is its prefix from the
 * options (e.g. {@code ip netns exec NS taskset -c 0}) followed by {@code java ... TcpRankMain}.
 * Without explicit peer addresses the ranks meet at a rendezvous on loopback served from here.
 * Each rank's pid goes to the options' {@code rankStarted} hook as soon as it runs (a prefix such
 * as {@code ip netns exec} or {@code taskset} execs its command, so the pid is the rank's JVM).
 */
public final class TcpJob {
    /** After one rank fails, how long the others may take to notice and stop before they are killed. */
    static final Duration GRACE = Duration.ofSeconds(3);

    private TcpJob() {}

    public static void run(int ranks, Class<? extends RankProgram> program, String[] args, JobOptions options) {
        long token = new SecureRandom().nextLong();
        List<InetSocketAddress> peers = options.tcpPeers();
        RankProcesses procs = new RankProcesses(GRACE);
        try (Rendezvous rendezvous = peers.isEmpty() ? new Rendezvous(ranks, token) : null) {
            if (rendezvous != null) {
                Thread serving = new Thread(() -> {
                    try {
                        rendezvous.serve(options.connectTimeout());
                    } catch (IOException | RuntimeException e) {
                        // the ranks fail too (they time out waiting for the table) and are reported
                        System.err.println("tcp rendezvous: " + e.getMessage());
                    }
                }, "iovlab-rendezvous");
                serving.setDaemon(true);
                serving.start();
            }
            for (int r = 0; r < ranks; r++) {
                long pid = procs.start(r, command(r, ranks, token, rendezvous == null ? null : rendezvous.address(), program, args, options));
                options.rankStarted().started(r, pid);
            }
            procs.awaitAll();
        } catch (IOException e) {
            procs.killAll();
            throw new UncheckedIOException("could not start the tcp job: " + e.getMessage(), e);
        } catch (JobFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            procs.killAll();
            throw e;
        }
    }

    /** The command that starts rank {@code r}: prefix, java, TcpRankMain and its options, then the program's. */
    public static List<String> command(int r, int ranks, long token, InetSocketAddress rendezvous,
                                       Class<? extends RankProgram> program, String[] args, JobOptions options) {
        List<String> cmd = new ArrayList<>();
        if (!options.rankPrefixes().isEmpty()) cmd.addAll(options.rankPrefixes().get(r));
        cmd.addAll(RankCommand.java(options.jvmArgs(), RankCommand.classpath(), TcpRankMain.class.getName()));
        cmd.addAll(List.of("--rank", Integer.toString(r), "--size", Integer.toString(ranks), "--token", Long.toString(token),
                "--connect-timeout-ms", Long.toString(options.connectTimeout().toMillis()),
                "--read-timeout-ms", Long.toString(options.readTimeout().toMillis()), "--watch-stdin"));
        if (rendezvous != null) {
            cmd.addAll(List.of("--rendezvous", rendezvous.getHostString() + ":" + rendezvous.getPort()));
        } else {
            List<String> list = options.tcpPeers().stream().map(a -> a.getHostString() + ":" + a.getPort()).toList();
            cmd.addAll(List.of("--peers", String.join(",", list)));
        }
        cmd.addAll(List.of("--program", program.getName(), "--"));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
