package org.iovlab.comm;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.iovlab.placement.Placement;

/**
 * How to run a job, beyond its backend and program.
 *
 * @param connectTimeout how long ranks may take to find each other (tcp rendezvous and connects)
 * @param readTimeout how long one wait may last with no progress before it fails
 * @param rankPrefixes per rank, an argument vector put before the rank's {@code java} command
 *     (e.g. {@code ip netns exec NS taskset -c 0}); empty: none. tcp only (mpirun places ranks itself).
 * @param jvmArgs extra JVM options for rank processes (tcp, mpi)
 * @param tcpPeers the address each tcp rank listens on, reachable by all others (e.g. one per
 *     namespace); empty: an automatic rendezvous on loopback
 * @param mpirunArgs extra {@code mpirun} options (e.g. {@code --mca btl tcp,self})
 * @param placement where ranks go; the mpi backend writes it as a rankfile (null: mpirun's default)
 * @param rankStarted called with each rank's pid as soon as its process has started, before the
 *     next one starts (e.g. to put it into a testbed node's cgroups); if it throws, the job's
 *     processes are killed and the exception propagates. tcp only (the ranks iovlab starts itself).
 */
public record JobOptions(Duration connectTimeout, Duration readTimeout, List<List<String>> rankPrefixes,
                         List<String> jvmArgs, List<InetSocketAddress> tcpPeers, List<String> mpirunArgs,
                         Placement placement, RankStarted rankStarted) {

    /** What to do with a rank process once it runs. */
    @FunctionalInterface
    public interface RankStarted {
        RankStarted NOTHING = (rank, pid) -> { };

        void started(int rank, long pid);
    }

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);

    public JobOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) throw new IllegalArgumentException("connect timeout must be > 0");
        if (readTimeout.isNegative() || readTimeout.isZero()) throw new IllegalArgumentException("read timeout must be > 0");
        rankPrefixes = rankPrefixes.stream().map(List::copyOf).toList();
        jvmArgs = List.copyOf(jvmArgs);
        tcpPeers = List.copyOf(tcpPeers);
        mpirunArgs = List.copyOf(mpirunArgs);
        Objects.requireNonNull(rankStarted, "rankStarted");
    }

    public static JobOptions defaults() {
        return new JobOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, List.of(), List.of(), List.of(), List.of(), null,
                RankStarted.NOTHING);
    }

    public JobOptions withTimeouts(Duration connect, Duration read) {
        return new JobOptions(connect, read, rankPrefixes, jvmArgs, tcpPeers, mpirunArgs, placement, rankStarted);
    }

    public JobOptions withRankPrefixes(List<List<String>> prefixes) {
        return new JobOptions(connectTimeout, readTimeout, prefixes, jvmArgs, tcpPeers, mpirunArgs, placement, rankStarted);
    }

    public JobOptions withJvmArgs(List<String> args) {
        return new JobOptions(connectTimeout, readTimeout, rankPrefixes, args, tcpPeers, mpirunArgs, placement, rankStarted);
    }

    public JobOptions withTcpPeers(List<InetSocketAddress> peers) {
        return new JobOptions(connectTimeout, readTimeout, rankPrefixes, jvmArgs, peers, mpirunArgs, placement, rankStarted);
    }

    public JobOptions withMpirunArgs(List<String> args) {
        return new JobOptions(connectTimeout, readTimeout, rankPrefixes, jvmArgs, tcpPeers, args, placement, rankStarted);
    }

    public JobOptions withPlacement(Placement p) {
        return new JobOptions(connectTimeout, readTimeout, rankPrefixes, jvmArgs, tcpPeers, mpirunArgs, p, rankStarted);
    }

    public JobOptions withRankStarted(RankStarted hook) {
        return new JobOptions(connectTimeout, readTimeout, rankPrefixes, jvmArgs, tcpPeers, mpirunArgs, placement, hook);
    }

    /** Checks the options against a job of {@code ranks} ranks. */
    void check(int ranks) {
        if (!rankPrefixes.isEmpty() && rankPrefixes.size() != ranks) {
            throw new IllegalArgumentException(rankPrefixes.size() + " rank prefixes for " + ranks + " ranks");
        }
        if (!tcpPeers.isEmpty() && tcpPeers.size() != ranks) {
            throw new IllegalArgumentException(tcpPeers.size() + " tcp peer addresses for " + ranks + " ranks");
        }
        if (placement != null && placement.ranks() != ranks) {
            throw new IllegalArgumentException("the placement has " + placement.ranks() + " ranks, the job " + ranks);
        }
    }
}
