package org.iovlab.comm;

import java.nio.ByteBuffer;

/**
 * The device one backend implements: point-to-point byte messages between the ranks of a job,
 * nothing else. It knows nothing of doubles, collectives or argument checking; {@link
 * TransportComm} builds the whole {@link Comm} on it once for every backend.
 *
 * <p>A message is {@code bytes[position, limit)}; buffers come from {@link Buffers} (direct,
 * native order) and belong to the transport until the request completes. Messages between one
 * pair with one tag are matched in the order sent; a receive must get exactly the announced
 * length, otherwise its request fails with a {@link CommException} naming the sender. Tags are
 * non-negative. One thread per rank calls a transport (the rank's own), except {@link
 * #abort}, which any thread may call.
 */
public interface Transport extends AutoCloseable {

    int rank();

    int size();

    Comm.Request isend(ByteBuffer bytes, int dest, int tag);

    Comm.Request irecv(ByteBuffer bytes, int source, int tag);

    /**
     * Ends the job: every rank's pending and later operations fail with a {@link CommException}
     * naming this rank, with {@code message} (a whole sentence, e.g. "rank 2 failed: ...").
     */
    void abort(String message);

    /** Leaves the job after this rank's work; operations that still need this rank then fail. */
    @Override
    void close();
}
