package org.iovlab.app;

/**
 * An advection run that started and failed: a rank died or failed, the ranks could not be
 * started or placed, or the report could not be read. {@link #rank()} is the rank at the root
 * of the failure, -1 when no rank is to blame.
 */
public class AdvectRunException extends RuntimeException {
    private final int rank;

    public AdvectRunException(int rank, String message, Throwable cause) {
        super(message, cause);
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
