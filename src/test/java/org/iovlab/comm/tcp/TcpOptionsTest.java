package org.iovlab.comm.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.iovlab.comm.Backend;
import org.iovlab.comm.Comm;
import org.iovlab.comm.ConformancePrograms;
import org.iovlab.comm.JobOptions;
import org.iovlab.comm.Jobs;
import org.iovlab.comm.RankProgram;
import org.junit.jupiter.api.Test;

class TcpOptionsTest {
    private final JobOptions quick = JobOptions.defaults().withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30));

    /** Checks that its process was started through its rank's prefix. */
    public static final class SeesPrefix implements RankProgram {
        @Override
        public void run(Comm comm, String[] args) {
            String mark = System.getenv("IOVLAB_TEST_RANK_MARK");
            if (!("r" + comm.rank()).equals(mark)) throw new AssertionError("rank " + comm.rank() + " got mark " + mark);
            comm.barrier();
        }
    }

    @Test
    void eachRankStartsThroughItsOwnPrefix() {
        List<List<String>> prefixes = List.of(List.of("env", "IOVLAB_TEST_RANK_MARK=r0"), List.of("env", "IOVLAB_TEST_RANK_MARK=r1"));
        Jobs.run(Backend.TCP, 2, SeesPrefix.class, new String[0], quick.withRankPrefixes(prefixes));
    }

    @Test
    void explicitPeerAddressesReplaceTheRendezvous() throws IOException {
        List<InetSocketAddress> peers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                peers.add(new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            }
        }
        Jobs.run(Backend.TCP, 3, ConformancePrograms.Ring.class, new String[0], quick.withTcpPeers(peers));
    }

    /** Writes its pid to {@code DIR/rank-R.pid}. */
    public static final class WritesPid implements RankProgram {
        @Override
        public void run(Comm comm, String[] args) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(args[0], "rank-" + comm.rank() + ".pid"),
                        Long.toString(ProcessHandle.current().pid()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            comm.barrier();
        }
    }

    @Test
    void theStartHookGetsEachRanksOwnPidThroughItsPrefix(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.util.Map<Integer, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();
        // taskset execs the JVM: the pid the hook gets is the rank's own.
        List<List<String>> prefixes = List.of(List.of("taskset", "-c", "0"), List.of("env", "X=1"));
        Jobs.run(Backend.TCP, 2, WritesPid.class, new String[] {dir.toString()},
                quick.withRankPrefixes(prefixes).withRankStarted(seen::put));
        for (int r = 0; r < 2; r++) {
            assertThat(seen.get(r)).isEqualTo(Long.parseLong(java.nio.file.Files.readString(dir.resolve("rank-" + r + ".pid"))));
        }
    }

    @Test
    void aFailingStartHookKillsTheJobAndPropagates() {
        List<Long> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> Jobs.run(Backend.TCP, 3, ConformancePrograms.Ring.class, new String[0],
                quick.withRankStarted((rank, pid) -> {
                    started.add(pid);
                    if (rank == 1) throw new IllegalStateException("cannot adopt rank 1");
                }))).isInstanceOf(IllegalStateException.class).hasMessage("cannot adopt rank 1");
        assertThat(started).hasSize(2);
        for (long pid : started) assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void rankCommandLines() {
        JobOptions o = quick.withRankPrefixes(List.of(List.of("ip", "netns", "exec", "ns0", "taskset", "-c", "0"), List.of()))
                .withJvmArgs(List.of("-Xmx256m"));
        List<String> cmd = TcpJob.command(0, 2, 42, new InetSocketAddress("127.0.0.1", 5000), ConformancePrograms.Ring.class,
                new String[]{"x"}, o);
        assertThat(cmd.subList(0, 7)).containsExactly("ip", "netns", "exec", "ns0", "taskset", "-c", "0");
        assertThat(cmd).containsSequence("-Xmx256m", "-cp").contains(TcpRankMain.class.getName())
                .containsSequence("--rendezvous", "127.0.0.1:5000").endsWith("--", "x");
        TcpRankMain.Args a = TcpRankMain.parse(cmd.subList(cmd.indexOf(TcpRankMain.class.getName()) + 1, cmd.size()).toArray(String[]::new));
        assertThat(a.rank()).isZero();
        assertThat(a.size()).isEqualTo(2);
        assertThat(a.token()).isEqualTo(42);
        assertThat(a.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.watchStdin()).isTrue();
        assertThat(a.programArgs()).containsExactly("x");
    }

    @Test
    void badRankArgumentsAreClear() {
        assertThatThrownBy(() -> TcpRankMain.parse(new String[]{"--rank", "2", "--size", "2", "--program", "X", "--rendezvous", "h:1"}))
                .hasMessage("need --size N >= 1 and --rank in [0, N)");
        assertThatThrownBy(() -> TcpRankMain.address("nohost")).hasMessage("not HOST:PORT: 'nohost'");
        assertThatThrownBy(() -> TcpRankMain.address("h:70000")).hasMessage("port out of range in 'h:70000'");
        assertThat(TcpRankMain.address("[::1]:80").getPort()).isEqualTo(80);
    }
}
