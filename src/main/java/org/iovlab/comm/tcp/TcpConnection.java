package org.iovlab.comm.tcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.iovlab.comm.Buffers;
import org.iovlab.comm.CommException;

/**
 * The link to one peer: frames to write in order, and the frame being read. Small frames are
 * read through a staging buffer (one read call for many), large payloads straight into the
 * receiver's buffer. Receives posted for this peer and messages that came before their receive
 * ("unexpected") are matched here by tag, in order.
 *
 * <p>Messages up to {@link #EAGER_MAX} go at once (an unexpected one is buffered). Larger ones
 * use a rendezvous, as Open MPI's TCP transport does: the sender announces the message (RTS,
 * header only), the receiver answers once a matching receive is posted (CTS), then the whole
 * message goes straight from the sender's buffer into the receiver's; nothing of a large
 * unexpected message is buffered. RTS frames are numbered in order on both sides, which names
 * the message in CTS and BULK frames. (Measured by bench/comm/run.sh, interleaved with Open
 * MPI-C over TCP: sending the first 64 KiB with the RTS, and reading through a 64 KiB staging
 * buffer, gave 0.82 times its 1 MiB ping-pong bandwidth; this protocol with 16 KiB staging reads
 * gave 0.98. About 350 lines: the frame reader and both protocols share its state.)
 */
final class TcpConnection {
    private static final int STAGING = 16 * 1024;
    static final int EAGER_MAX = Integer.getInteger("iovlab.tcp.eagerMax", 64 * 1024);

    final int me;
    final int peer;
    final SocketChannel channel;
    SelectionKey key;
    private final ArrayDeque<Outgoing> out = new ArrayDeque<>();
    private final ArrayDeque<TcpRequest> posted = new ArrayDeque<>();
    private final ArrayDeque<Incoming> unexpected = new ArrayDeque<>();
    private final Map<Integer, TcpRequest> awaitingCts = new HashMap<>();
    private final Map<Integer, Incoming> awaitingBulk = new HashMap<>();
    private final ByteBuffer in = Buffers.allocateBytes(STAGING).order(ByteOrder.LITTLE_ENDIAN).flip();
    private final ByteBuffer header = Buffers.allocateBytes(Frame.HEADER).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer[] frame = {header, null};
    private int rtsSent;
    private int rtsReceived;
    private Incoming current;
    private int currentKind;
    boolean byeReceived;
    boolean eof;

    TcpConnection(int me, int peer, SocketChannel channel) {
        this.me = me;
        this.peer = peer;
        this.channel = channel;
    }

    // ---- sending

    /** Sends a message: at once if small, else announced and sent when the peer asks for it. */
    void sendMessage(TcpRequest r) throws IOException {
        int length = r.bytes.remaining();
        if (length <= EAGER_MAX) {
            send(Frame.DATA, r.tag, length, r.bytes, r);
        } else {
            awaitingCts.put(rtsSent++, r);
            send(Frame.RTS, r.tag, length, null, null);
        }
    }

    /**
     * Writes a frame now if nothing is queued before it, from a reused direct header (no copy
     * through a temporary buffer, nothing allocated); queues what the socket does not take.
     */
    void send(int kind, int tag, long length, ByteBuffer payload, TcpRequest request) throws IOException {
        if (!out.isEmpty()) {
            out.add(new Outgoing(Frame.header(kind, tag, length), payload, request));
            return;
        }
        header.clear();
        header.putInt(kind).putInt(tag).putLong(length).flip();
        if (payload == null) {
            channel.write(header);
        } else {
            frame[1] = payload;
            channel.write(frame);
            frame[1] = null;
        }
        if (!header.hasRemaining() && (payload == null || !payload.hasRemaining())) {
            if (request != null) request.complete();
            return;
        }
        ByteBuffer rest = ByteBuffer.allocate(header.remaining()).put(header).flip(); // the socket is full
        out.add(new Outgoing(rest, payload, request));
        if (key != null && key.isValid()) key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }

    boolean hasOutput() {
        return !out.isEmpty();
    }

    /** Writes queued frames until the socket is full. */
    void flush() throws IOException {
        while (!out.isEmpty()) {
            Outgoing o = out.peek();
            channel.write(o.buffers);
            if (o.buffers[o.buffers.length - 1].hasRemaining() || o.buffers[0].hasRemaining()) break; // the socket is full
            out.poll();
            if (o.request != null) o.request.complete();
        }
        if (key != null && key.isValid()) {
            key.interestOps(out.isEmpty() ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    // ---- receiving

    /** Matches a posted receive against messages already here, or keeps it for later. */
    void post(TcpRequest r) throws IOException {
        for (Iterator<Incoming> it = unexpected.iterator(); it.hasNext(); ) {
            Incoming m = it.next();
            if (m.tag == r.tag && m.claimer == null) {
                it.remove();
                if (m.rts >= 0) accept(m.rts, m.length, r);
                else if (m.complete) deliver(m, r);
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

    /** A receive matched announced message {@code id}: asks for it, to land in the receive's buffer. */
    private void accept(int id, int length, TcpRequest r) throws IOException {
        Incoming m = new Incoming(r.tag);
        if (r.bytes.remaining() == length) {
            m.recv = r;
            m.target = r.bytes.duplicate();
        } else {
            r.fail(mismatch(r.tag, length, r.bytes.remaining()));
            m.target = ByteBuffer.allocate(length); // taken and dropped
        }
        awaitingBulk.put(id, m);
        send(Frame.CTS, id, 0, null, null);
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
                if (!startFrame()) continue;
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
                int n = channel.read(target); // large payloads go straight into the receiver's buffer
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

    /** Reads a header; true if a payload follows (then {@code current} receives it). */
    private boolean startFrame() throws IOException {
        int kind = in.getInt();
        int tag = in.getInt();
        long length = in.getLong();
        if (length < 0 || length > Integer.MAX_VALUE) throw new CommException(peer, "rank " + peer + " sent a corrupt header");
        int len = (int) length;
        currentKind = kind;
        switch (kind) {
            case Frame.DATA -> {
                Incoming m = new Incoming(tag);
                TcpRequest r = takePosted(tag);
                if (r != null && r.bytes.remaining() == len) {
                    m.recv = r;
                    m.target = r.bytes.duplicate();
                } else {
                    if (r != null) r.fail(mismatch(tag, len, r.bytes.remaining()));
                    m.target = Buffers.allocateBytes(len);
                    if (r == null) unexpected.add(m);
                }
                current = m;
            }
            case Frame.RTS -> {
                int id = rtsReceived++;
                TcpRequest r = takePosted(tag);
                if (r != null) {
                    accept(id, len, r);
                } else { // kept until the receive is posted
                    Incoming m = new Incoming(tag);
                    m.rts = id;
                    m.length = len;
                    unexpected.add(m);
                }
                return false;
            }
            case Frame.CTS -> {
                TcpRequest r = awaitingCts.remove(tag);
                if (r == null) throw new CommException(peer, "rank " + peer + " asked for an unknown message " + tag);
                send(Frame.BULK, tag, r.bytes.remaining(), r.bytes, r);
                return false;
            }
            case Frame.BULK -> {
                current = awaitingBulk.remove(tag);
                if (current == null || current.target.remaining() != len) {
                    throw new CommException(peer, "rank " + peer + " sent an unexpected bulk message " + tag);
                }
            }
            default -> {
                current = new Incoming(tag);
                current.target = ByteBuffer.allocate(len);
            }
        }
        return true;
    }

    private void endFrame(TcpTransport t) throws IOException {
        Incoming m = current;
        current = null;
        switch (currentKind) {
            case Frame.DATA, Frame.BULK -> {
                m.complete = true;
                if (m.recv != null) m.recv.complete();
                else if (m.claimer != null) deliver(m, m.claimer);
            }
            case Frame.BYE -> {
                byeReceived = true;
                CommException gone = new CommException(peer, "rank " + peer + " has finished; it cannot take the message from rank " + me);
                for (TcpRequest r : awaitingCts.values()) r.fail(gone);
                awaitingCts.clear();
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

    /** Fails every operation waiting on this peer. */
    void failPending(CommException e) {
        for (TcpRequest r : posted) r.fail(e);
        posted.clear();
        for (Incoming m : unexpected) if (m.claimer != null) m.claimer.fail(e);
        for (Incoming m : awaitingBulk.values()) if (m.recv != null) m.recv.fail(e);
        for (TcpRequest r : awaitingCts.values()) r.fail(e);
        if (current != null && current.recv != null) current.recv.fail(e);
        if (current != null && current.claimer != null) current.claimer.fail(e); // posted while its frame was read
        for (Outgoing o : out) if (o.request != null) o.request.fail(e);
    }

    private static final class Outgoing {
        final ByteBuffer[] buffers;
        final TcpRequest request;

        Outgoing(ByteBuffer header, ByteBuffer payload, TcpRequest request) {
            this.buffers = payload == null ? new ByteBuffer[]{header} : new ByteBuffer[]{header, payload};
            this.request = request;
        }
    }

    /** A message being read, or read before its receive; or (rts >= 0) one announced, not yet asked for. */
    private static final class Incoming {
        final int tag;
        ByteBuffer target;
        TcpRequest recv;
        TcpRequest claimer;
        boolean complete;
        int rts = -1;
        int length;

        Incoming(int tag) {
            this.tag = tag;
        }
    }
}
