package org.iovlab.comm.shm;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;

import org.iovlab.comm.CommException;

/**
 * The shared state of one shm job: for every rank, the receives it posted and the sends posted
 * to it that no receive has matched yet. Matching is per (source, tag) in posting order, under
 * the receiving rank's lock; the copy happens outside it.
 */
public final class ShmFabric {
    private final Mailbox[] boxes;
    private final boolean[] closed;
    private final Duration readTimeout;
    private volatile CommException failure;

    public ShmFabric(int size, Duration readTimeout) {
        if (size < 1) throw new IllegalArgumentException("a job needs at least one rank, got " + size);
        this.boxes = new Mailbox[size];
        for (int i = 0; i < size; i++) boxes[i] = new Mailbox();
        this.closed = new boolean[size];
        this.readTimeout = readTimeout;
    }

    public int size() {
        return boxes.length;
    }

    /** The transport of {@code rank}; each rank's thread takes its own. */
    public ShmTransport transport(int rank) {
        return new ShmTransport(this, rank);
    }

    Duration readTimeout() {
        return readTimeout;
    }

    ShmRequest post(ShmRequest r) {
        throwIfFailed();
        int receiver = r.send ? r.peer : r.owner;
        int sender = r.send ? r.owner : r.peer;
        Mailbox box = boxes[receiver];
        ShmRequest match = null;
        synchronized (box) {
            ArrayDeque<ShmRequest> others = r.send ? box.receives : box.sends;
            for (Iterator<ShmRequest> it = others.iterator(); it.hasNext(); ) {
                ShmRequest o = it.next();
                if (o.tag == r.tag && (r.send ? o.peer : o.owner) == sender) {
                    it.remove();
                    match = o;
                    break;
                }
            }
            if (match == null) {
                int gone = closed[sender] ? sender : closed[receiver] ? receiver : -1;
                if (gone >= 0) {
                    r.fail(new CommException(gone, "rank " + gone + " has finished: it will never "
                            + (gone == sender ? "send" : "receive") + " the message with tag " + r.tag
                            + " from rank " + sender + " to rank " + receiver));
                    return r;
                }
                (r.send ? box.sends : box.receives).add(r);
            }
        }
        if (match != null) transfer(r.send ? r : match, r.send ? match : r);
        return r;
    }

    private static void transfer(ShmRequest send, ShmRequest recv) {
        int n = send.bytes.remaining();
        if (n != recv.bytes.remaining()) {
            recv.fail(new CommException(send.owner, "rank " + send.owner + " sent " + describe(n) + " with tag "
                    + send.tag + " but rank " + recv.owner + " expected " + describe(recv.bytes.remaining())));
            send.complete();
            return;
        }
        recv.bytes.duplicate().put(send.bytes.duplicate());
        recv.complete();
        send.complete();
    }

    static String describe(long bytes) {
        return bytes % Double.BYTES == 0 ? bytes / Double.BYTES + " doubles" : bytes + " bytes";
    }

    void close(int rank) {
        for (int i = 0; i < boxes.length; i++) {
            Mailbox box = boxes[i];
            synchronized (box) {
                closed[rank] = true; // published under every box lock that post() reads it under
                for (Iterator<ShmRequest> it = box.receives.iterator(); it.hasNext(); ) {
                    ShmRequest o = it.next();
                    if (o.peer == rank) {
                        it.remove();
                        o.fail(new CommException(rank, "rank " + rank + " has finished without sending the message with tag "
                                + o.tag + " that rank " + o.owner + " waits for"));
                    }
                }
                if (i == rank) {
                    for (ShmRequest o : box.sends) {
                        o.fail(new CommException(rank, "rank " + rank + " has finished without receiving the message with tag "
                                + o.tag + " from rank " + o.owner));
                    }
                    box.sends.clear();
                }
            }
        }
    }

    /** Fails the job: every pending and later operation throws this, naming {@code culprit}. */
    public void fail(int culprit, String message) {
        synchronized (this) {
            if (failure != null) return;
            failure = new CommException(culprit, message);
        }
        for (Mailbox box : boxes) {
            synchronized (box) {
                box.sends.forEach(r -> r.fail(failure));
                box.receives.forEach(r -> r.fail(failure));
                box.sends.clear();
                box.receives.clear();
            }
        }
    }

    void checkFailure(ShmRequest r) {
        CommException f = failure;
        if (f != null) r.fail(f);
    }

    void forget(ShmRequest r) {
        Mailbox box = boxes[r.send ? r.peer : r.owner];
        synchronized (box) {
            (r.send ? box.sends : box.receives).remove(r);
        }
    }

    private void throwIfFailed() {
        CommException f = failure;
        if (f != null) throw new CommException(f.peer(), f.getMessage(), f);
    }

    private static final class Mailbox {
        final ArrayDeque<ShmRequest> receives = new ArrayDeque<>();
        final ArrayDeque<ShmRequest> sends = new ArrayDeque<>();
    }

    static ByteBuffer check(ByteBuffer b) {
        if (b == null) throw new IllegalArgumentException("buffer is null");
        return b;
    }
}
