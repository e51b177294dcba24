package org.iovlab.comm.mpi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

import mpi.MPIException;

/**
 * {@link MpiCalls} straight into libmpi through the FFM API (compiled with {@code --release 22};
 * {@link MpiCalls#forThisJvm} loads it only on JDK 22 and later). libmpi is the one the bindings
 * loaded with {@code MPI.Init}, found through this class loader's libraries, so both share one
 * MPI state and {@code MPI_COMM_WORLD}'s error handler ({@code MPI_ERRORS_RETURN}, set by
 * {@link MpiTransport}). Downcalls are {@code critical} (no thread-state transition: none of these
 * calls blocks) and pass pointers as {@code long}s, which the LP64 C calling conventions treat
 * alike, so the hot path makes no wrapper objects. One thread calls it (the rank's own).
 */
final class DirectCalls implements MpiCalls {
    private static final MethodHandle ISEND; // int MPI_Isend(const void *buf, int count, MPI_Datatype, int dest, int tag, MPI_Comm, MPI_Request *)
    private static final MethodHandle IRECV; // int MPI_Irecv(void *buf, int count, MPI_Datatype, int source, int tag, MPI_Comm, MPI_Request *)
    private static final MethodHandle TEST; // int MPI_Test(MPI_Request *, int *flag, MPI_Status *)
    private static final MethodHandle GET_COUNT; // int MPI_Get_count(const MPI_Status *, MPI_Datatype, int *count)
    private static final MethodHandle ERROR_STRING; // int MPI_Error_string(int code, char *text, int *length)
    private static final long COMM_WORLD; // MPI_COMM_WORLD is &ompi_mpi_comm_world in Open MPI
    private static final long BYTE; // MPI_BYTE is &ompi_mpi_byte

    /** MPI_Status in Open MPI 4 (mpi.h): int MPI_SOURCE, MPI_TAG, MPI_ERROR, _cancelled; size_t _ucount. */
    private static final long STATUS_BYTES = 24;
    private static final int MAX_ERROR_STRING = 256; // MPI_MAX_ERROR_STRING
    private static final long STATUS_IGNORE = 0;

    static {
        if (ADDRESS.byteSize() != Long.BYTES) throw new IllegalStateException("needs 64-bit pointers");
        Linker linker = Linker.nativeLinker();
        SymbolLookup libmpi = SymbolLookup.loaderLookup(); // libmpi_java.so (loaded by mpi.MPI) and libmpi under it
        Linker.Option critical = Linker.Option.critical(false);
        FunctionDescriptor transfer = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT,
                JAVA_LONG, JAVA_LONG);
        ISEND = linker.downcallHandle(find(libmpi, "MPI_Isend"), transfer, critical);
        IRECV = linker.downcallHandle(find(libmpi, "MPI_Irecv"), transfer, critical);
        TEST = linker.downcallHandle(find(libmpi, "MPI_Test"),
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG), critical);
        GET_COUNT = linker.downcallHandle(find(libmpi, "MPI_Get_count"),
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG), critical);
        ERROR_STRING = linker.downcallHandle(find(libmpi, "MPI_Error_string"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
        COMM_WORLD = find(libmpi, "ompi_mpi_comm_world").address();
        BYTE = find(libmpi, "ompi_mpi_byte").address();
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(() -> new IllegalStateException(
                name + " not found in the libraries Open MPI's Java bindings loaded (is this Open MPI 4?)"));
    }

    // Out-parameters, reused by every call (offsets in scratch): the request handle, the flag, the count, the status.
    private static final long REQUEST = 0, FLAG = 8, COUNT = 12, STATUS = 16;
    private final MemorySegment scratch = Arena.ofAuto().allocate(STATUS + STATUS_BYTES, 8);
    private final long requestAt = scratch.address() + REQUEST;
    private final long flagAt = scratch.address() + FLAG;
    private final long countAt = scratch.address() + COUNT;
    private final long statusAt = scratch.address() + STATUS;

    @Override
    public Pending isend(ByteBuffer bytes, int dest, int tag) throws MPIException {
        int rc;
        try {
            rc = (int) ISEND.invokeExact(address(bytes), bytes.remaining(), BYTE, dest, tag, COMM_WORLD, requestAt);
        } catch (Throwable t) {
            throw unexpected(t);
        }
        check(rc);
        return new Op(scratch.get(JAVA_LONG, REQUEST), false, bytes);
    }

    @Override
    public Pending irecv(ByteBuffer bytes, int source, int tag) throws MPIException {
        int rc;
        try {
            rc = (int) IRECV.invokeExact(address(bytes), bytes.remaining(), BYTE, source, tag, COMM_WORLD, requestAt);
        } catch (Throwable t) {
            throw unexpected(t);
        }
        check(rc);
        return new Op(scratch.get(JAVA_LONG, REQUEST), true, bytes);
    }

    private static long address(ByteBuffer bytes) {
        if (!bytes.isDirect()) throw new IllegalArgumentException("the mpi backend needs direct buffers");
        return MemorySegment.ofBuffer(bytes).address(); // at the buffer's position
    }

    /** One request; the buffer is kept reachable (its memory in use by MPI) until it completes. */
    private final class Op implements Pending {
        private final long request;
        private final boolean receive;
        private ByteBuffer buffer;

        Op(long request, boolean receive, ByteBuffer buffer) {
            this.request = request;
            this.receive = receive;
            this.buffer = buffer;
        }

        @Override
        public int test() throws MPIException {
            if (buffer == null) throw new IllegalStateException("request completed already");
            scratch.set(JAVA_LONG, REQUEST, request); // MPI_Test frees a completed request and nulls the handle here
            int rc;
            try {
                rc = (int) TEST.invokeExact(requestAt, flagAt, receive ? statusAt : STATUS_IGNORE);
            } catch (Throwable t) {
                throw unexpected(t);
            }
            if (rc == 0 && scratch.get(JAVA_INT, FLAG) == 0) return IN_FLIGHT;
            buffer = null;
            check(rc); // e.g. MPI_ERR_TRUNCATE for a message longer than the buffer
            if (!receive) return 0;
            try {
                rc = (int) GET_COUNT.invokeExact(statusAt, BYTE, countAt);
            } catch (Throwable t) {
                throw unexpected(t);
            }
            check(rc);
            return scratch.get(JAVA_INT, COUNT);
        }
    }

    private static void check(int rc) throws MPIException {
        if (rc != 0) throw new MPIException(errorString(rc));
    }

    private static String errorString(int rc) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(MAX_ERROR_STRING + 1);
            MemorySegment length = arena.allocate(JAVA_INT);
            int r = (int) ERROR_STRING.invokeExact(rc, text.address(), length.address());
            return r == 0 ? text.getString(0) : "MPI error " + rc;
        } catch (Throwable t) {
            return "MPI error " + rc;
        }
    }

    private static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
