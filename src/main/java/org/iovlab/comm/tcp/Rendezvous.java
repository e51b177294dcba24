package org.iovlab.comm.tcp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.iovlab.comm.CommException;

/**
 * Lets ranks that listen on ports the system picked find each other: each rank tells the
 * launcher's rendezvous its address; once all have, every rank gets the whole table.
 */
public final class Rendezvous implements AutoCloseable {
    private final ServerSocket server;
    private final int size;
    private final long token;

    /** Listens on loopback, on a port the system picks. */
    public Rendezvous(int size, long token) throws IOException {
        this.server = new ServerSocket(0, size + 8, InetAddress.getLoopbackAddress());
        this.size = size;
        this.token = token;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** Serves one job: waits for every rank (bounded), then sends the table to all. */
    public void serve(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Socket[] ranks = new Socket[size];
        InetSocketAddress[] table = new InetSocketAddress[size];
        try {
            for (int joined = 0; joined < size; ) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    int missing = 0;
                    while (missing < size && ranks[missing] != null) missing++;
                    throw new CommException(missing, "rank " + missing + " did not reach the rendezvous within "
                            + timeout.toSeconds() + " s");
                }
                server.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                Socket s;
                try {
                    s = server.accept();
                } catch (SocketTimeoutException e) {
                    continue;
                }
                s.setSoTimeout((int) Math.max(1, left));
                DataInputStream in = new DataInputStream(s.getInputStream());
                long t = in.readLong();
                int rank = in.readInt();
                String host = in.readUTF();
                int port = in.readInt();
                if (t != token || rank < 0 || rank >= size || ranks[rank] != null) {
                    s.close();
                    continue;
                }
                ranks[rank] = s;
                table[rank] = new InetSocketAddress(host, port);
                joined++;
            }
            for (Socket s : ranks) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                for (InetSocketAddress a : table) {
                    out.writeUTF(a.getHostString());
                    out.writeInt(a.getPort());
                }
                out.flush();
            }
        } finally {
            for (Socket s : ranks) if (s != null) s.close();
        }
    }

    /** A rank's side: announces its address, returns everyone's. */
    public static List<InetSocketAddress> join(InetSocketAddress rendezvous, long token, int rank, int size,
                                               InetSocketAddress mine, Duration timeout) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(rendezvous, (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeLong(token);
            out.writeInt(rank);
            out.writeUTF(mine.getHostString());
            out.writeInt(mine.getPort());
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            List<InetSocketAddress> table = new ArrayList<>(size);
            for (int p = 0; p < size; p++) table.add(new InetSocketAddress(in.readUTF(), in.readInt()));
            return table;
        } catch (SocketTimeoutException e) {
            throw new CommException(-1, "rank " + rank + ": the rendezvous did not answer within "
                    + timeout.toSeconds() + " s (another rank did not start?)", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
