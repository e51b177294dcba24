package org.iovlab.comm;

/** A communication failure; {@link #peer()} is the rank at fault, or -1 when none is known. */
public class CommException extends RuntimeException {
    private final int peer;

    public CommException(int peer, String message) {
        super(message);
        this.peer = peer;
    }

    public CommException(int peer, String message, Throwable cause) {
        super(message, cause);
        this.peer = peer;
    }

    public int peer() {
        return peer;
    }
}
