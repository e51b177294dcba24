package org.iovlab.comm.mpi;

import java.nio.ByteBuffer;
import java.time.Duration;

import mpi.MPI;
import mpi.MPIException;

import org.iovlab.comm.Comm;
import org.iovlab.comm.CommException;
import org.iovlab.comm.RankExit;
import org.iovlab.comm.Transport;

/**
 * The transport over Open MPI ({@code MPI_COMM_WORLD}, bytes), initialized through its Java
 * bindings; transfers go through {@link MpiCalls}. Errors return instead of aborting, so a wrong
 * length becomes a {@link CommException}; a dead rank or an abort ends the whole job through
 * mpirun. Waits poll {@code MPI_Test}, so that they can time out.
 */
public final class MpiTransport implements Transport {
    private static final long SPIN_NANOS = 2_000_000L;
    private static final int CLOCK_POLLS = 64;

    private final int rank;
    private final int size;
    private final long readTimeoutNanos;
    private final MpiCalls calls;

    public MpiTransport(Duration readTimeout) throws MPIException {
        MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_RETURN);
        this.calls = MpiCalls.forThisJvm();
        this.rank = MPI.COMM_WORLD.getRank();
        this.size = MPI.COMM_WORLD.getSize();
        this.readTimeoutNanos = readTimeout.toNanos();
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
    public Comm.Request isend(ByteBuffer bytes, int dest, int tag) {
        try {
            return new MpiRequest(calls.isend(bytes, dest, tag), true, dest, tag, bytes.remaining());
        } catch (MPIException e) {
            throw new CommException(dest, "rank " + rank + ": MPI send to rank " + dest + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Comm.Request irecv(ByteBuffer bytes, int source, int tag) {
        try {
            return new MpiRequest(calls.irecv(bytes, source, tag), false, source, tag, bytes.remaining());
        } catch (MPIException e) {
            throw new CommException(source, "rank " + rank + ": MPI receive from rank " + source + " failed: " + e.getMessage(), e);
        }
    }

    /** Reports the reason (the launcher reads it) and has mpirun end every rank. */
    @Override
    public void abort(String message) {
        System.err.println(RankExit.MARK + rank + " culprit=" + rank + ": " + message.replace('\n', ' '));
        System.err.flush();
        end(RankExit.FAILED);
    }

    /** Ends the whole job with {@code status} through mpirun (the reason was reported already). */
    void end(int status) {
        System.out.flush();
        System.err.flush();
        try {
            MPI.COMM_WORLD.abort(status);
        } catch (MPIException e) {
            Runtime.getRuntime().halt(status);
        }
    }

    @Override
    public void close() {
        // MPI_Finalize is the rank main's: it must come after the last call.
    }

    private final class MpiRequest implements Comm.Request {
        private final MpiCalls.Pending pending;
        private final boolean send;
        private final int peer;
        private final int tag;
        private final int bytes;
        private boolean done;
        private CommException failure;

        MpiRequest(MpiCalls.Pending pending, boolean send, int peer, int tag, int bytes) {
            this.pending = pending;
            this.send = send;
            this.peer = peer;
            this.tag = tag;
            this.bytes = bytes;
        }

        /**
         * Polls MPI_Test (each call progresses Open MPI), so that a wait can end at the read timeout;
         * measured faster here than one MPI_Wait. The clock is read only every {@link #CLOCK_POLLS}
         * polls (a read costs about as much as a poll, and delays noticing an arrival as much); after
         * a while it yields the core between polls.
         */
        @Override
        public void await() {
            if (!test()) {
                long start = System.nanoTime();
                for (int polls = 1; !test(); polls++) {
                    if (polls % CLOCK_POLLS != 0) continue;
                    long waited = System.nanoTime() - start;
                    if (waited > readTimeoutNanos) {
                        failure = new CommException(peer, "rank " + rank + " waited " + Duration.ofNanos(readTimeoutNanos).toSeconds()
                                + " s for rank " + peer + " to " + (send ? "take" : "send") + " a message with tag " + tag);
                        done = true;
                        break;
                    }
                    if (waited > SPIN_NANOS) {
                        Thread.yield();
                        polls = CLOCK_POLLS - 1; // yielding, a poll is slow: read the clock after each
                    }
                }
            }
            if (failure != null) throw new CommException(failure.peer(), failure.getMessage(), failure);
        }

        @Override
        public boolean test() {
            if (done) return true;
            try {
                int count = pending.test();
                if (count == MpiCalls.Pending.IN_FLIGHT) return false;
                done = true;
                if (!send) check(count);
            } catch (MPIException e) {
                done = true;
                failure = failed(e);
            }
            return true;
        }

        private void check(int count) {
            if (count != bytes) {
                failure = new CommException(peer, "rank " + peer + " sent " + describe(count) + " with tag " + tag
                        + " but rank " + rank + " expected " + describe(bytes));
            }
        }

        private CommException failed(MPIException e) {
            if (send) {
                return new CommException(peer, "rank " + rank + ": MPI send of tag " + tag + " to rank " + peer
                        + " failed: " + e.getMessage(), e);
            }
            return truncated(e);
        }

        private CommException truncated(MPIException e) {
            return new CommException(peer, "rank " + peer + " sent more than " + describe(bytes) + " with tag " + tag
                    + " but rank " + rank + " expected " + describe(bytes) + (e == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    static String describe(long bytes) {
        return bytes % Double.BYTES == 0 ? bytes / Double.BYTES + " doubles" : bytes + " bytes";
    }
}
