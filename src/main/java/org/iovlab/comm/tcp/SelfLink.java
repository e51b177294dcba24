package org.iovlab.comm.tcp;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;

import org.iovlab.comm.Buffers;
import org.iovlab.comm.CommException;

/** A rank's messages to itself: copied at once, so that a rank never waits on itself. */
final class SelfLink {
    private final int rank;
    private final ArrayDeque<TcpRequest> posted = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> messages = new ArrayDeque<>();
    private final ArrayDeque<Integer> tags = new ArrayDeque<>();

    SelfLink(int rank) {
        this.rank = rank;
    }

    void send(TcpRequest s) {
        for (Iterator<TcpRequest> it = posted.iterator(); it.hasNext(); ) {
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
        messages.add(copy);
        tags.add(s.tag);
        s.complete();
    }

    void receive(TcpRequest r) {
        Iterator<Integer> t = tags.iterator();
        for (Iterator<ByteBuffer> it = messages.iterator(); it.hasNext(); ) {
            ByteBuffer m = it.next();
            if (t.next() == r.tag) {
                it.remove();
                t.remove();
                copy(m, r);
                return;
            }
        }
        posted.add(r);
    }

    void fail(CommException e) {
        for (TcpRequest r : posted) r.fail(e);
        posted.clear();
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
}
