package org.iovlab.comm.mpi;

import java.nio.ByteBuffer;
import java.util.Locale;

import mpi.MPIException;

/**
 * How {@link MpiTransport} starts and polls non-blocking byte transfers on {@code MPI_COMM_WORLD}.
 * Two ways: Open MPI's Java bindings ({@link BindingsCalls}, any JDK), and {@code DirectCalls},
 * which calls libmpi through the FFM API (JDK 22 and later; compiled with {@code --release 22}
 * from src/mpi/java22), skipping the bindings' per-call JNI work and the {@code Status} object
 * they build for each completed receive. Both need {@code MPI_Init} done (through the bindings).
 */
interface MpiCalls {

    /** {@code bytes[position, limit)} to {@code dest}. */
    Pending isend(ByteBuffer bytes, int dest, int tag) throws MPIException;

    /** Into {@code bytes[position, limit)} from {@code source}. */
    Pending irecv(ByteBuffer bytes, int source, int tag) throws MPIException;

    /** A started transfer, polled by one thread. */
    interface Pending {
        int IN_FLIGHT = -1;

        /**
         * Progresses MPI and returns {@link #IN_FLIGHT} while the transfer runs; then, once, the
         * length of the message received (0 for a send). An MPI error (e.g. a message longer than
         * the receive buffer) throws.
         */
        int test() throws MPIException;
    }

    /**
     * The calls for this JVM, chosen by property {@code iovlab.mpi.calls}: {@code bindings},
     * {@code direct}, or {@code auto} (the default: direct where the JDK has the FFM API and this
     * build has DirectCalls, else bindings). Direct calls that cannot link to libmpi fail the rank
     * with the reason, never falling back silently; {@code -Diovlab.mpi.calls=bindings} avoids them.
     */
    static MpiCalls forThisJvm() {
        String mode = System.getProperty("iovlab.mpi.calls", "auto").toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "bindings" -> new BindingsCalls();
            case "direct" -> direct();
            case "auto" -> Runtime.version().feature() >= 22 && MpiCalls.class.getClassLoader()
                    .getResource("org/iovlab/comm/mpi/DirectCalls.class") != null ? direct() : new BindingsCalls();
            default -> throw new IllegalArgumentException(
                    "iovlab.mpi.calls must be auto, direct or bindings, not '" + mode + "'");
        };
    }

    private static MpiCalls direct() {
        try {
            return (MpiCalls) Class.forName("org.iovlab.comm.mpi.DirectCalls").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable why = e instanceof ExceptionInInitializerError x && x.getCause() != null ? x.getCause() : e;
            throw new IllegalStateException("the mpi backend cannot call libmpi directly (" + why
                    + "); run the ranks with -Diovlab.mpi.calls=bindings to use Open MPI's Java bindings", e);
        }
    }
}
