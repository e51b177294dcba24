package org.iovlab.comm.tcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;

import org.iovlab.comm.Buffers;
import org.iovlab.comm.Comm;
import org.iovlab.comm.CommException;
import org.iovlab.comm.Transport;

/**
 * One rank of a tcp job: a non-blocking socket to every other rank, progressed by the rank's
 * own thread while it waits (as MPI libraries without a progress thread do): first a brief busy
 * poll, then a blocking select. A peer whose connection ends without a goodbye is dead, which
 * fails the whole job naming it; so does an abort frame.
 */
public final class TcpTransport implements Transport {
    private static final long SPIN_NANOS = Long.getLong("iovlab.tcp.spinNanos", 2_000_000L);

    private final int rank;
    private final TcpConnection[] links;
    private final Selector selector;
    private final long readTimeoutNanos;
    private final ArrayDeque<TcpRequest> selfPosted = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> selfMessages = new ArrayDeque<>();
    private final ArrayDeque<Integer> selfTags = new ArrayDeque<>();
    private volatile CommException failure;
    private boolean closed;

    /** Takes over connected sockets ({@code channels[rank]} is null), one per peer. */
    public TcpTransport(int rank, SocketChannel[] channels, Duration readTimeout) throws IOException {
        this.rank = rank;
        this.links = new TcpConnection[channels.length];
        this.readTimeoutNanos = readTimeout.toNanos();
        this.selector = Selector.open();
        for (int p = 0; p < channels.length; p++) {
            if (p == rank) continue;
            channels[p].configureBlocking(false);
            links[p] = new TcpConnection(rank, p, channels[p]);
            links[p].key = channels[p].register(selector, SelectionKey.OP_READ, links[p]);
        }
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return links.length;
    }

    @Override
    public Comm.Request isend(ByteBuffer bytes, int dest, int tag) {
        throwIfFailed();
        TcpRequest r = new TcpRequest(this, true, dest, tag, bytes.duplicate());
        if (dest == rank) {
            sendToSelf(r);
            return r;
        }
        TcpConnection c = links[dest];
        if (c.byeReceived || c.eof) {
            r.fail(new CommException(dest, "rank " + dest + " has finished; it cannot receive the message with tag "
                    + tag + " from rank " + rank));
            return r;
        }
        try {
            c.send(Frame.DATA, tag, r.bytes, r);
        } catch (IOException e) {
            died(c, e);
        }
        return r;
    }

    @Override
    public Comm.Request irecv(ByteBuffer bytes, int source, int tag) {
        throwIfFailed();
        TcpRequest r = new TcpRequest(this, false, source, tag, bytes.duplicate());
        if (source == rank) receiveFromSelf(r);
        else links[source].post(r);
        return r;
    }

    // Messages to oneself are copied at once, so a rank never waits on itself.
    private void sendToSelf(TcpRequest s) {
        for (Iterator<TcpRequest> it = selfPosted.iterator(); it.hasNext(); ) {
            TcpRequest r = it.next();
            if (r.tag == s.tag) {
                it.remove();
                copy(s.bytes, r);
                s.complete();
                return;
            }
        }
        ByteBuffer copy = Buffers.allocateBytes(s.bytes.remaining());
        copy.put(s.bytes.duplicate()).flip();
        selfMessages.add(copy);
        selfTags.add(s.tag);
        s.complete();
    }

    private void receiveFromSelf(TcpRequest r) {
        Iterator<Integer> tags = selfTags.iterator();
        for (Iterator<ByteBuffer> it = selfMessages.iterator(); it.hasNext(); ) {
            ByteBuffer m = it.next();
            if (tags.next() == r.tag) {
                it.remove();
                tags.remove();
                copy(m, r);
                return;
            }
        }
        selfPosted.add(r);
    }

    private void copy(ByteBuffer from, TcpRequest r) {
        if (from.remaining() != r.bytes.remaining()) {
            r.fail(new CommException(rank, "rank " + rank + " sent " + TcpConnection.describe(from.remaining()) + " with tag "
                    + r.tag + " but rank " + rank + " expected " + TcpConnection.describe(r.bytes.remaining())));
            return;
        }
        r.bytes.duplicate().put(from.duplicate());
        r.complete();
    }

    void poll(TcpRequest r) {
        if (failure != null) r.fail(failure);
        else progress(0);
    }

    void await(TcpRequest r) {
        long start = System.nanoTime();
        long deadline = start + readTimeoutNanos;
        while (!r.done()) {
            CommException f = failure;
            if (f != null) {
                r.fail(f);
                return;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                r.fail(new CommException(r.peer, "rank " + rank + " waited " + Duration.ofNanos(readTimeoutNanos).toSeconds()
                        + " s for rank " + r.peer + " to " + (r.send ? "take" : "send") + " a message with tag " + r.tag));
                return;
            }
            boolean spin = now - start < SPIN_NANOS;
            progress(spin ? 0 : Math.max(1, Math.min(1000, (deadline - now) / 1_000_000)));
        }
    }

    /** One round of I/O on every ready link: waits up to {@code millis} (0: not at all). */
    private void progress(long millis) {
        try {
            int n = millis == 0 ? selector.selectNow() : selector.select(millis);
            if (n == 0) return;
            for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey k = it.next();
                it.remove();
                TcpConnection c = (TcpConnection) k.attachment();
                try {
                    if (k.isValid() && k.isWritable()) c.flush();
                    if (k.isValid() && k.isReadable() && !c.read(this)) ended(c);
                } catch (IOException e) {
                    died(c, e);
                } catch (CommException e) {
                    fail(e);
                }
            }
        } catch (IOException e) {
            fail(new CommException(-1, "rank " + rank + ": network failure: " + e.getMessage(), e));
        }
    }

    private void ended(TcpConnection c) {
        c.key.cancel();
        if (c.byeReceived) return;
        fail(new CommException(c.peer, "rank " + c.peer + " died: its connection to rank " + rank
                + " closed without a goodbye"));
    }

    private void died(TcpConnection c, IOException e) {
        c.key.cancel();
        c.eof = true;
        if (c.byeReceived && closed) return;
        fail(new CommException(c.peer, "rank " + c.peer + " died: its connection to rank " + rank + " failed ("
                + e.getMessage() + ")", e));
    }

    /** Fails the job with {@code e} (the first failure wins). */
    void fail(CommException e) {
        synchronized (this) {
            if (failure != null) return;
            failure = e;
        }
        for (TcpConnection c : links) if (c != null) c.failPosted(e);
        for (TcpRequest r : selfPosted) r.fail(e);
        selector.wakeup();
    }

    private void throwIfFailed() {
        CommException f = failure;
        if (f != null) throw new CommException(f.peer(), f.getMessage(), f);
    }

    @Override
    public void abort(String message) {
        fail(new CommException(rank, message));
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        for (TcpConnection c : links) {
            if (c == null || c.eof) continue;
            try {
                c.send(Frame.ABORT, 0, ByteBuffer.wrap(text), null);
            } catch (IOException e) {
                c.eof = true;
            }
        }
        drain(1_000_000_000L, false);
        shut();
    }

    /** Says goodbye to every peer and waits (bounded) until each has said it too, then closes. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (failure == null) {
            for (TcpConnection c : links) {
                if (c == null || c.eof) continue;
                try {
                    c.byeSent = true;
                    c.send(Frame.BYE, 0, ByteBuffer.allocate(0), null);
                } catch (IOException e) {
                    c.eof = true;
                }
            }
            drain(readTimeoutNanos, true);
        }
        shut();
    }

    /** Progresses until all output is written (and, if asked, every peer has said goodbye). */
    private void drain(long nanos, boolean awaitByes) {
        long deadline = System.nanoTime() + nanos;
        while (System.nanoTime() - deadline < 0) {
            boolean busy = false;
            for (TcpConnection c : links) {
                if (c == null || c.eof) continue;
                if (c.hasOutput() || (awaitByes && !c.byeReceived)) busy = true;
            }
            if (!busy || (awaitByes && failure != null)) return;
            progress(10);
        }
    }

    private void shut() {
        closed = true;
        for (TcpConnection c : links) {
            if (c == null) continue;
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
