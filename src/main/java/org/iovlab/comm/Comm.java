package org.iovlab.comm;

import java.nio.DoubleBuffer;

/**
 * An MPI-style communicator over all ranks of a job: what the solver programs against.
 * Backends (shm threads, tcp processes, Open MPI) implement a narrow transport below it;
 * collectives are written once above that transport.
 *
 * <p>Semantics are MPI's: messages between one pair with one tag arrive in the order sent; a
 * receive names its source and tag and gets exactly the announced number of doubles; the
 * receive buffer is the receiver's own (no aliasing with the sender's). Non-blocking calls take
 * buffers from {@link #allocate} (direct, native byte order), which every backend can move
 * without an extra copy; the buffer must not be touched until its request completes. Any
 * failure (a dead peer, a timeout, an abort elsewhere) surfaces as a {@link CommException}
 * naming the rank at fault, never as a hang.
 *
 * <p>Tags are in {@code [0, TAG_LIMIT)}; the tags above are the collectives'. A blocking {@link
 * #send} may wait until the matching receive is posted (as {@code MPI_Send} may, and the shm
 * backend does): when two ranks send to each other, use {@link #sendrecv} or isend/irecv. A
 * communicator belongs to its rank's thread (like {@code MPI_THREAD_FUNNELED}); only {@link
 * #abort} may be called from elsewhere. Bad arguments throw {@link IllegalArgumentException}.
 * Buffers that did not come from {@link #allocate} (heap buffers, slices) work but cost a copy.
 */
public interface Comm extends AutoCloseable {

    /** User tags are below this; tags from it up to 32767 (MPI's smallest tag bound) are reserved. */
    int TAG_LIMIT = 32000;

    int rank();

    int size();

    /** A buffer of {@code doubles} values suited to non-blocking transfers on this backend. */
    DoubleBuffer allocate(int doubles);

    /** Starts sending {@code buf[position, limit)} to {@code dest}. */
    Request isend(DoubleBuffer buf, int dest, int tag);

    /** Starts receiving exactly {@code buf.remaining()} doubles from {@code source} into {@code buf[position, limit)}. */
    Request irecv(DoubleBuffer buf, int source, int tag);

    /** Blocking send of {@code data[offset, offset + count)}. */
    void send(double[] data, int offset, int count, int dest, int tag);

    /** Blocking receive of exactly {@code count} doubles into {@code data[offset, ...)}. */
    void recv(double[] data, int offset, int count, int source, int tag);

    /** Sends to {@code dest} and receives from {@code source} at once (no deadlock between pairs). */
    void sendrecv(double[] send, int sendOffset, int sendCount, int dest, int sendTag,
                  double[] recv, int recvOffset, int recvCount, int source, int recvTag);

    /** Waits for every request; the first failure is thrown after all have ended or failed. */
    void waitAll(Request... requests);

    void barrier();

    /** Combines {@code values} element-wise over all ranks, in place, on every rank. */
    void allreduce(double[] values, Op op);

    default double allreduce(double value, Op op) {
        double[] v = {value};
        allreduce(v, op);
        return v[0];
    }

    /** Ends the whole job: every other rank's pending and later calls fail with this reason. */
    void abort(String reason);

    @Override
    void close();

    enum Op { SUM, MAX }

    /** A non-blocking operation in flight. */
    interface Request {
        /** Blocks until done; throws {@link CommException} if it failed. */
        void await();

        /** Whether it is done (successfully or not), without blocking. */
        boolean test();
    }
}
