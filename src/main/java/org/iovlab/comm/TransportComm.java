package org.iovlab.comm;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.util.Objects;

/**
 * {@link Comm} written once over any {@link Transport}: argument checks, the blocking and
 * array forms (through per-communicator direct scratch buffers), and the collectives.
 */
public final class TransportComm implements Comm {
    private final Transport transport;
    private final Collectives collectives;
    private final int rank;
    private final int size;
    private ByteBuffer sendScratch = Buffers.allocateBytes(0);
    private ByteBuffer recvScratch = Buffers.allocateBytes(0);

    public TransportComm(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.rank = transport.rank();
        this.size = transport.size();
        this.collectives = new Collectives(transport);
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public DoubleBuffer allocate(int doubles) {
        return Buffers.allocateDoubles(doubles);
    }

    @Override
    public Request isend(DoubleBuffer buf, int dest, int tag) {
        Objects.requireNonNull(buf, "send buffer");
        checkPeer(dest, "destination");
        checkTag(tag);
        ByteBuffer bytes = Buffers.bytesOf(buf);
        if (bytes == null) { // not ours: send a copy taken now
            bytes = Buffers.allocateBytes(buf.remaining() * Double.BYTES);
            bytes.asDoubleBuffer().put(buf.duplicate());
        }
        return transport.isend(bytes, dest, tag);
    }

    @Override
    public Request irecv(DoubleBuffer buf, int source, int tag) {
        Objects.requireNonNull(buf, "receive buffer");
        if (buf.isReadOnly()) throw new IllegalArgumentException("receive buffer is read-only");
        checkPeer(source, "source");
        checkTag(tag);
        ByteBuffer bytes = Buffers.bytesOf(buf);
        if (bytes != null) return transport.irecv(bytes, source, tag);
        ByteBuffer staging = Buffers.allocateBytes(buf.remaining() * Double.BYTES);
        return new CopyBack(transport.irecv(staging, source, tag), staging, buf.duplicate());
    }

    @Override
    public void send(double[] data, int offset, int count, int dest, int tag) {
        checkRange(data, offset, count, "send");
        checkPeer(dest, "destination");
        checkTag(tag);
        transport.isend(fill(data, offset, count), dest, tag).await();
    }

    @Override
    public void recv(double[] data, int offset, int count, int source, int tag) {
        checkRange(data, offset, count, "receive");
        checkPeer(source, "source");
        checkTag(tag);
        ByteBuffer in = recvSlot(count);
        transport.irecv(in, source, tag).await();
        in.asDoubleBuffer().get(0, data, offset, count);
    }

    @Override
    public void sendrecv(double[] send, int sendOffset, int sendCount, int dest, int sendTag,
                         double[] recv, int recvOffset, int recvCount, int source, int recvTag) {
        checkRange(send, sendOffset, sendCount, "send");
        checkRange(recv, recvOffset, recvCount, "receive");
        checkPeer(dest, "destination");
        checkPeer(source, "source");
        checkTag(sendTag);
        checkTag(recvTag);
        ByteBuffer in = recvSlot(recvCount);
        Request r = transport.irecv(in, source, recvTag);
        Request s = transport.isend(fill(send, sendOffset, sendCount), dest, sendTag);
        waitAll(r, s);
        in.asDoubleBuffer().get(0, recv, recvOffset, recvCount);
    }

    @Override
    public void waitAll(Request... requests) {
        Objects.requireNonNull(requests, "requests");
        RuntimeException first = null;
        for (Request r : requests) {
            if (r == null) continue;
            try {
                r.await();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    @Override
    public void barrier() {
        collectives.barrier();
    }

    @Override
    public void allreduce(double[] values, Op op) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(op, "op");
        collectives.allreduce(values, op);
    }

    @Override
    public void abort(String reason) {
        String why = reason == null || reason.isBlank() ? "abort called" : reason;
        String message = "rank " + rank + " aborted the job: " + why;
        transport.abort(message);
        throw new CommException(rank, message);
    }

    @Override
    public void close() {
        transport.close();
    }

    private ByteBuffer fill(double[] data, int offset, int count) {
        int bytes = count * Double.BYTES;
        if (sendScratch.capacity() < bytes) sendScratch = Buffers.allocateBytes(grow(bytes));
        sendScratch.asDoubleBuffer().put(0, data, offset, count);
        return sendScratch.slice(0, bytes).order(java.nio.ByteOrder.nativeOrder());
    }

    private ByteBuffer recvSlot(int count) {
        int bytes = count * Double.BYTES;
        if (recvScratch.capacity() < bytes) recvScratch = Buffers.allocateBytes(grow(bytes));
        return recvScratch.slice(0, bytes).order(java.nio.ByteOrder.nativeOrder());
    }

    private static int grow(int bytes) {
        return bytes >= (1 << 30) ? bytes : Math.max(64, Integer.highestOneBit(bytes - 1) << 1);
    }

    private void checkPeer(int peer, String what) {
        if (peer < 0 || peer >= size) {
            throw new IllegalArgumentException(what + " rank " + peer + " is outside [0, " + size + ")");
        }
    }

    private static void checkTag(int tag) {
        if (tag < 0 || tag >= TAG_LIMIT) {
            throw new IllegalArgumentException("tag " + tag + " is outside [0, " + TAG_LIMIT + ")");
        }
    }

    private static void checkRange(double[] data, int offset, int count, String what) {
        Objects.requireNonNull(data, what + " array");
        if (count < 0) throw new IllegalArgumentException(what + " count must be >= 0, got " + count);
        if (count > Integer.MAX_VALUE / Double.BYTES) {
            throw new IllegalArgumentException(what + " count " + count + " exceeds 2 GiB of doubles");
        }
        if (offset < 0 || offset > data.length - count) {
            throw new IllegalArgumentException(what + " range [" + offset + ", " + ((long) offset + count)
                    + ") is outside the array of length " + data.length);
        }
    }

    /** A receive into a buffer that is not ours: staged, then copied on completion. */
    private static final class CopyBack implements Request {
        private final Request inner;
        private final ByteBuffer staging;
        private final DoubleBuffer target;
        private boolean copied;

        CopyBack(Request inner, ByteBuffer staging, DoubleBuffer target) {
            this.inner = inner;
            this.staging = staging;
            this.target = target;
        }

        @Override
        public void await() {
            inner.await();
            copy();
        }

        @Override
        public boolean test() {
            if (!inner.test()) return false;
            try {
                inner.await(); // done: returns at once, or throws its failure
            } catch (CommException e) {
                return true;
            }
            copy();
            return true;
        }

        private void copy() {
            if (copied) return;
            copied = true;
            target.put(staging.asDoubleBuffer());
        }
    }
}
