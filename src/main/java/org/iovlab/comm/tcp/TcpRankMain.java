package org.iovlab.comm.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.iovlab.comm.CommException;
import org.iovlab.comm.Jobs;
import org.iovlab.comm.RankExit;
import org.iovlab.comm.RankProgram;
import org.iovlab.comm.TransportComm;

/**
 * The entry point of one tcp rank process:
 * {@code --rank R --size N --token T --connect-timeout-ms C --read-timeout-ms D
 * (--rendezvous HOST:PORT [--bind HOST] | --peers H:P,H:P,...) [--watch-stdin] --program CLASS -- ARGS}.
 * With {@code --watch-stdin} the rank exits when its launcher goes away (stdin closes).
 */
public final class TcpRankMain {
    private TcpRankMain() {}

    record Args(int rank, int size, long token, Duration connectTimeout, Duration readTimeout,
                InetSocketAddress rendezvous, String bind, List<InetSocketAddress> peers, boolean watchStdin,
                String program, String[] programArgs) {}

    public static void main(String[] argv) {
        Args a;
        try {
            a = parse(argv);
        } catch (RuntimeException e) {
            System.err.println("tcp rank: " + e.getMessage());
            System.exit(RankExit.USAGE);
            return;
        }
        if (a.watchStdin()) watchLauncher(a.rank());
        System.exit(run(a));
    }

    static int run(Args a) {
        TcpTransport transport;
        RankProgram program;
        try {
            program = Jobs.instantiate(Jobs.programClass(a.program()));
            transport = new TcpTransport(a.rank(), connect(a), a.readTimeout());
        } catch (IOException | RuntimeException e) {
            return RankExit.report(a.rank(), e instanceof CommException ? e
                    : new CommException(a.rank(), "rank " + a.rank() + " could not join the job: " + e, e), System.err);
        }
        TransportComm comm = new TransportComm(transport);
        try {
            program.run(comm, a.programArgs());
        } catch (Throwable e) {
            int status = RankExit.report(a.rank(), e, System.err);
            if (!(e instanceof CommException)) transport.abort(RankExit.abortReason(a.rank(), e));
            return status;
        }
        comm.close();
        return RankExit.OK;
    }

    private static SocketChannel[] connect(Args a) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        List<InetSocketAddress> peers = a.peers();
        if (peers.isEmpty()) {
            listener.bind(new InetSocketAddress(a.bind(), 0), a.size());
            InetSocketAddress mine = (InetSocketAddress) listener.getLocalAddress();
            peers = Rendezvous.join(a.rendezvous(), a.token(), a.rank(), a.size(), mine, a.connectTimeout());
        } else {
            listener.bind(peers.get(a.rank()), a.size());
        }
        return TcpMesh.connect(a.rank(), peers, listener, a.token(), a.connectTimeout());
    }

    private static void watchLauncher(int rank) {
        Thread t = new Thread(() -> {
            try {
                InputStream in = System.in;
                while (in.read() >= 0) {
                    // the launcher writes nothing; we only wait for the end
                }
            } catch (IOException ignored) {
                // same as the end
            }
            System.err.println("rank " + rank + ": the launcher has gone; exiting");
            Runtime.getRuntime().halt(RankExit.PEER_FAILED);
        }, "iovlab-launcher-watch");
        t.setDaemon(true);
        t.start();
    }

    static Args parse(String[] argv) {
        int rank = -1, size = -1;
        long token = 0;
        Duration connect = Duration.ofSeconds(30), read = Duration.ofSeconds(120);
        InetSocketAddress rendezvous = null;
        String bind = "127.0.0.1", program = null;
        List<InetSocketAddress> peers = new ArrayList<>();
        boolean watch = false;
        int i = 0;
        for (; i < argv.length && !argv[i].equals("--"); i++) {
            String k = argv[i];
            if (k.equals("--watch-stdin")) {
                watch = true;
                continue;
            }
            if (i + 1 >= argv.length) throw new IllegalArgumentException("missing value after " + k);
            String v = argv[++i];
            switch (k) {
                case "--rank" -> rank = Integer.parseInt(v);
                case "--size" -> size = Integer.parseInt(v);
                case "--token" -> token = Long.parseLong(v);
                case "--connect-timeout-ms" -> connect = Duration.ofMillis(Long.parseLong(v));
                case "--read-timeout-ms" -> read = Duration.ofMillis(Long.parseLong(v));
                case "--rendezvous" -> rendezvous = address(v);
                case "--bind" -> bind = v;
                case "--peers" -> Arrays.stream(v.split(",")).map(TcpRankMain::address).forEach(peers::add);
                case "--program" -> program = v;
                default -> throw new IllegalArgumentException("unknown option " + k);
            }
        }
        if (size < 1 || rank < 0 || rank >= size) throw new IllegalArgumentException("need --size N >= 1 and --rank in [0, N)");
        if (program == null) throw new IllegalArgumentException("need --program CLASS");
        if (peers.isEmpty() == (rendezvous == null)) throw new IllegalArgumentException("need exactly one of --rendezvous and --peers");
        if (!peers.isEmpty() && peers.size() != size) throw new IllegalArgumentException(peers.size() + " peers for " + size + " ranks");
        String[] rest = i < argv.length ? Arrays.copyOfRange(argv, i + 1, argv.length) : new String[0];
        return new Args(rank, size, token, connect, read, rendezvous, bind, List.copyOf(peers), watch, program, rest);
    }

    /** {@code host:port}, or {@code [v6]:port}. */
    public static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) throw new IllegalArgumentException("not HOST:PORT: '" + text + "'");
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port = Integer.parseInt(text.substring(colon + 1));
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range in '" + text + "'");
        return new InetSocketAddress(host, port);
    }
}
