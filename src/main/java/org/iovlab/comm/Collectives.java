package org.iovlab.comm;

import java.nio.ByteBuffer;

/**
 * Barrier and allreduce over point-to-point messages, the same on every backend. Allreduce
 * combines in rank order on rank 0 and sends that one result to everyone, so every rank, every
 * backend and every run get the same bits.
 */
final class Collectives {
    static final int BARRIER_TAG = Comm.TAG_LIMIT + 1;
    static final int REDUCE_TAG = Comm.TAG_LIMIT + 2;
    static final int BCAST_TAG = Comm.TAG_LIMIT + 3;

    private final Transport t;
    private final ByteBuffer empty = Buffers.allocateBytes(0);
    private ByteBuffer scratch = Buffers.allocateBytes(0);

    Collectives(Transport t) {
        this.t = t;
    }

    /** Dissemination barrier: ceil(log2 P) rounds of one send and one receive. */
    void barrier() {
        int p = t.size();
        int r = t.rank();
        for (int d = 1; d < p; d <<= 1) {
            Comm.Request in = t.irecv(empty.duplicate(), (r - d + p) % p, BARRIER_TAG);
            Comm.Request out = t.isend(empty.duplicate(), (r + d) % p, BARRIER_TAG);
            out.await();
            in.await();
        }
    }

    void allreduce(double[] values, Comm.Op op) {
        int p = t.size();
        if (p == 1) return;
        int n = values.length;
        int bytes = n * Double.BYTES;
        if (scratch.capacity() < bytes) scratch = Buffers.allocateBytes(bytes);
        ByteBuffer buf = scratch.slice(0, bytes).order(java.nio.ByteOrder.nativeOrder());
        if (t.rank() == 0) {
            for (int src = 1; src < p; src++) {
                t.irecv(buf, src, REDUCE_TAG).await();
                for (int i = 0; i < n; i++) {
                    double v = buf.getDouble(i * Double.BYTES);
                    values[i] = switch (op) {
                        case SUM -> values[i] + v;
                        case MAX -> Math.max(values[i], v);
                    };
                }
            }
            buf.asDoubleBuffer().put(0, values);
        } else {
            buf.asDoubleBuffer().put(0, values);
            t.isend(buf, 0, REDUCE_TAG).await();
            t.irecv(buf, parent(t.rank()), BCAST_TAG).await();
            buf.asDoubleBuffer().get(0, values);
        }
        broadcastToChildren(buf);
    }

    /** Binomial tree rooted at 0: rank r gets the result from r minus its highest bit. */
    private void broadcastToChildren(ByteBuffer buf) {
        int p = t.size();
        int r = t.rank();
        int start = r == 0 ? 1 : Integer.highestOneBit(r) << 1;
        Comm.Request[] out = new Comm.Request[32];
        int k = 0;
        for (int bit = start; r + bit < p; bit <<= 1) out[k++] = t.isend(buf.duplicate(), r + bit, BCAST_TAG);
        for (int i = 0; i < k; i++) out[i].await();
    }

    private static int parent(int r) {
        return r - Integer.highestOneBit(r);
    }
}
