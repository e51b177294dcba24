package org.iovlab.comm.tcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;

import org.iovlab.comm.Buffers;
import org.iovlab.comm.CommException;

/**
 * The link to one peer: frames to write in order, and the frame being read. Small frames are
 * read through a staging buffer (one read call for many), large payloads straight into the
 * receiver's buffer. Receives posted for this peer and messages that came before their receive
 * ("unexpected") are matched here by tag, in order.
 */
final class TcpConnection {
    private static final int STAGING = 64 * 1024;

    final int me;
    final int peer;
    final SocketChannel channel;
    SelectionKey key;
    private final ArrayDeque<Outgoing> out = new ArrayDeque<>();
    private final ArrayDeque<TcpRequest> posted = new ArrayDeque<>();
    private final ArrayDeque<Incoming> unexpected = new ArrayDeque<>();
    private final ByteBuffer in = Buffers.allocateBytes(STAGING).order(ByteOrder.LITTLE_ENDIAN).flip();
    private Incoming current;
    private int currentKind;
    boolean byeSent;
    boolean byeReceived;
    boolean eof;

    TcpConnection(int me, int peer, SocketChannel channel) {
        this.me = me;
        this.peer = peer;
        this.channel = channel;
    }

    // ---- sending

    /** Queues a frame and writes what the socket takes now; true if it is all written. */
    boolean send(int kind, int tag, ByteBuffer payload, TcpRequest request) throws IOException {
        Outgoing o = new Outgoing(Frame.header(kind, tag, payload.remaining()), payload, request);
        out.add(o);
        if (out.size() == 1) flush();
        return out.isEmpty();
    }

    boolean hasOutput() {
        return !out.isEmpty();
    }

    /** Writes queued frames until the socket is full; true if any bytes moved. */
    boolean flush() throws IOException {
        boolean moved = false;
        while (!out.isEmpty()) {
            Outgoing o = out.peek();
            long n = channel.write(o.buffers);
            if (n > 0) moved = true;
            if (o.buffers[1].hasRemaining() || o.buffers[0].hasRemaining()) break;
            out.poll();
            if (o.request != null) o.request.complete();
        }
        if (key != null && key.isValid()) {
            key.interestOps(out.isEmpty() ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
        return moved;
    }

    // ---- receiving

    /** Matches a posted receive against messages already here, or keeps it for later. */
    void post(TcpRequest r) {
        for (Iterator<Incoming> it = unexpected.iterator(); it.hasNext(); ) {
            Incoming m = it.next();
            if (m.tag == r.tag && m.claimer == null) {
                it.remove();
                if (m.complete) deliver(m, r);
                else m.claimer = r;
                return;
            }
        }
        if (byeReceived || eof) {
            r.fail(finished(r.tag));
            return;
        }
        posted.add(r);
    }

    private CommException finished(int tag) {
        return new CommException(peer, "rank " + peer + " has finished without sending the message with tag "
                + tag + " that rank " + me + " waits for");
    }

    /** Reads what the socket has; returns false at a clean end of stream. Throws on a dead peer. */
    boolean read(TcpTransport t) throws IOException {
        while (true) {
            if (current == null) {
                if (in.remaining() < Frame.HEADER && !fill()) return !eof;
                if (in.remaining() < Frame.HEADER) return true;
                startFrame(t);
            }
            ByteBuffer target = current.target;
            if (in.hasRemaining() && target.hasRemaining()) {
                int n = Math.min(in.remaining(), target.remaining());
                target.put(in.slice(in.position(), n));
                in.position(in.position() + n);
            }
            if (target.hasRemaining()) {
                if (target.remaining() < STAGING / 2) {
                    if (!fill()) return !eof;
                    continue;
                }
                int n = channel.read(target);
                if (n < 0) throw new IOException("end of stream inside a message");
                if (target.hasRemaining()) return true;
            }
            endFrame(t);
        }
    }

    /** Reads into the staging buffer; false if nothing came. */
    private boolean fill() throws IOException {
        in.compact();
        int n;
        try {
            n = channel.read(in);
        } finally {
            in.flip();
        }
        if (n < 0) {
            if (current != null || in.hasRemaining()) throw new IOException("end of stream inside a message");
            eof = true;
            return false;
        }
        return n > 0;
    }

    private void startFrame(TcpTransport t) {
        int kind = in.getInt();
        int tag = in.getInt();
        long length = in.getLong();
        if (length < 0 || length > Integer.MAX_VALUE) throw new CommException(peer, "rank " + peer + " sent a corrupt header");
        int len = (int) length;
        currentKind = kind;
        Incoming m = new Incoming(tag);
        if (kind == Frame.DATA) {
            TcpRequest r = takePosted(tag);
            if (r != null && r.bytes.remaining() == len) {
                m.recv = r;
                m.target = r.bytes.duplicate();
            } else {
                if (r != null) r.fail(mismatch(tag, len, r.bytes.remaining()));
                m.target = Buffers.allocateBytes(len);
                if (r == null) unexpected.add(m);
            }
        } else {
            m.target = ByteBuffer.allocate(len);
        }
        current = m;
    }

    private void endFrame(TcpTransport t) {
        Incoming m = current;
        current = null;
        switch (currentKind) {
            case Frame.DATA -> {
                m.complete = true;
                if (m.recv != null) m.recv.complete();
                else if (m.claimer != null) deliver(m, m.claimer);
            }
            case Frame.BYE -> {
                byeReceived = true;
                for (TcpRequest r : posted) r.fail(finished(r.tag));
                posted.clear();
            }
            case Frame.ABORT -> t.fail(new CommException(peer, new String(m.target.array(), StandardCharsets.UTF_8)));
            default -> throw new CommException(peer, "rank " + peer + " sent a frame of unknown kind " + currentKind);
        }
    }

    private TcpRequest takePosted(int tag) {
        for (Iterator<TcpRequest> it = posted.iterator(); it.hasNext(); ) {
            TcpRequest r = it.next();
            if (r.tag == tag) {
                it.remove();
                return r;
            }
        }
        return null;
    }

    private void deliver(Incoming m, TcpRequest r) {
        ByteBuffer data = m.target.flip();
        if (data.remaining() != r.bytes.remaining()) {
            r.fail(mismatch(m.tag, data.remaining(), r.bytes.remaining()));
            return;
        }
        r.bytes.duplicate().put(data);
        r.complete();
    }

    private CommException mismatch(int tag, long sent, long expected) {
        return new CommException(peer, "rank " + peer + " sent " + describe(sent) + " with tag " + tag
                + " but rank " + me + " expected " + describe(expected));
    }

    static String describe(long bytes) {
        return bytes % Double.BYTES == 0 ? bytes / Double.BYTES + " doubles" : bytes + " bytes";
    }

    /** Fails every receive waiting on this peer. */
    void failPosted(CommException e) {
        for (TcpRequest r : posted) r.fail(e);
        posted.clear();
        for (Incoming m : unexpected) if (m.claimer != null) m.claimer.fail(e);
        if (current != null && current.recv != null) current.recv.fail(e);
        for (Outgoing o : out) if (o.request != null) o.request.fail(e);
    }

    private static final class Outgoing {
        final ByteBuffer[] buffers;
        final TcpRequest request;

        Outgoing(ByteBuffer header, ByteBuffer payload, TcpRequest request) {
            this.buffers = new ByteBuffer[]{header, payload};
            this.request = request;
        }
    }

    private static final class Incoming {
        final int tag;
        ByteBuffer target;
        TcpRequest recv;
        TcpRequest claimer;
        boolean complete;

        Incoming(int tag) {
            this.tag = tag;
        }
    }
}
