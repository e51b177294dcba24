package org.iovlab.comm.mpi;

import java.nio.ByteBuffer;

import mpi.MPI;
import mpi.MPIException;
import mpi.Request;
import mpi.Status;

/** {@link MpiCalls} through Open MPI's Java bindings (JNI), on any JDK. */
final class BindingsCalls implements MpiCalls {

    @Override
    public Pending isend(ByteBuffer bytes, int dest, int tag) throws MPIException {
        ByteBuffer b = bytes.position() == 0 ? bytes : bytes.slice(); // the bindings ignore the position
        Request r = MPI.COMM_WORLD.iSend(b, b.remaining(), MPI.BYTE, dest, tag);
        return () -> r.test() ? 0 : Pending.IN_FLIGHT;
    }

    @Override
    public Pending irecv(ByteBuffer bytes, int source, int tag) throws MPIException {
        ByteBuffer b = bytes.position() == 0 ? bytes : bytes.slice();
        Request r = MPI.COMM_WORLD.iRecv(b, b.remaining(), MPI.BYTE, source, tag);
        return () -> {
            Status s = r.testStatus(); // MPI_ERROR is not set by MPI_Test; truncation throws
            return s == null ? Pending.IN_FLIGHT : s.getCount(MPI.BYTE);
        };
    }
}
