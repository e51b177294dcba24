package org.iovlab.comm.tcp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

import org.iovlab.comm.CommException;

/**
 * Connects every pair of ranks once: rank r connects to each lower rank and accepts each higher
 * one; a hello (job token, rank) says who is calling. Everything is bounded by the connect
 * timeout; a peer that is not listening yet is retried until then.
 */
public final class TcpMesh {
    private TcpMesh() {}

    public static SocketChannel[] connect(int rank, List<InetSocketAddress> peers, ServerSocketChannel listener,
                                          long token, Duration timeout) throws IOException {
        int size = peers.size();
        long deadline = System.nanoTime() + timeout.toNanos();
        SocketChannel[] channels = new SocketChannel[size];
        try {
            for (int p = 0; p < rank; p++) {
                SocketChannel ch = dial(p, peers.get(p), deadline);
                tune(ch);
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch));
                out.writeLong(token);
                out.writeInt(rank);
                out.flush();
                channels[p] = ch;
            }
            listener.socket().setSoTimeout(1);
            for (int accepted = rank + 1; accepted < size; ) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new CommException(firstMissing(channels, rank), "rank " + rank + ": rank "
                            + firstMissing(channels, rank) + " did not connect within " + timeout.toSeconds() + " s");
                }
                listener.socket().setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                SocketChannel ch;
                try {
                    ch = listener.socket().accept().getChannel();
                } catch (SocketTimeoutException e) {
                    continue;
                }
                tune(ch);
                ch.socket().setSoTimeout((int) Math.max(1, left));
                DataInputStream in = new DataInputStream(ch.socket().getInputStream());
                long t = in.readLong();
                int from = in.readInt();
                if (t != token || from <= rank || from >= size || channels[from] != null) {
                    ch.close(); // a stray or duplicate caller: not part of this job
                    continue;
                }
                ch.socket().setSoTimeout(0);
                channels[from] = ch;
                accepted++;
            }
            return channels;
        } catch (IOException | RuntimeException e) {
            for (SocketChannel ch : channels) if (ch != null) ch.close();
            throw e;
        } finally {
            listener.close();
        }
    }

    private static SocketChannel dial(int peer, InetSocketAddress address, long deadline) throws IOException {
        IOException last = null;
        while (System.nanoTime() - deadline < 0) {
            SocketChannel ch = SocketChannel.open();
            try {
                ch.socket().connect(address, (int) Math.max(1, Math.min(5_000, (deadline - System.nanoTime()) / 1_000_000)));
                return ch;
            } catch (IOException e) {
                ch.close();
                last = e;
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new CommException(peer, "could not connect to rank " + peer + " at " + address
                + (last == null ? "" : " (" + last.getMessage() + ")"), last);
    }

    private static void tune(SocketChannel ch) throws IOException {
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    private static int firstMissing(SocketChannel[] channels, int rank) {
        for (int p = rank + 1; p < channels.length; p++) if (channels[p] == null) return p;
        return -1;
    }
}
