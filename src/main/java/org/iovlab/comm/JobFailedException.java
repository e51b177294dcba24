package org.iovlab.comm;

/** A job ended with a failure; {@link #peer()} is the rank that failed first (the root cause). */
public class JobFailedException extends CommException {
    public JobFailedException(int rank, String message, Throwable cause) {
        super(rank, message, cause);
    }

    public JobFailedException(int rank, String message) {
        super(rank, message);
    }

    /** The rank at fault. */
    public int rank() {
        return peer();
    }
}
