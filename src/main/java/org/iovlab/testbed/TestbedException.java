package org.iovlab.testbed;

/** The testbed could not be built, queried or removed; the message says what and why. */
public class TestbedException extends RuntimeException {
    public TestbedException(String message) {
        super(message);
    }

    public TestbedException(String message, Throwable cause) {
        super(message, cause);
    }
}
