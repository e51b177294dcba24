package org.iovlab.cli;

/** A run that started and failed (a dead peer, a failed measurement): exit code 1, message only. */
public class RunFailedException extends RuntimeException {
    public RunFailedException(String message) {
        super(message);
    }

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
