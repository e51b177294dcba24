package org.iovlab.comm.shm;

import java.nio.ByteBuffer;

import org.iovlab.comm.Comm;
import org.iovlab.comm.Transport;

/** One rank's view of a {@link ShmFabric}: ranks are threads of one JVM. */
public final class ShmTransport implements Transport {
    private final ShmFabric fabric;
    private final int rank;

    ShmTransport(ShmFabric fabric, int rank) {
        if (rank < 0 || rank >= fabric.size()) {
            throw new IllegalArgumentException("rank " + rank + " is outside [0, " + fabric.size() + ")");
        }
        this.fabric = fabric;
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return fabric.size();
    }

    @Override
    public Comm.Request isend(ByteBuffer bytes, int dest, int tag) {
        return fabric.post(new ShmRequest(fabric, true, rank, dest, tag, ShmFabric.check(bytes).duplicate()));
    }

    @Override
    public Comm.Request irecv(ByteBuffer bytes, int source, int tag) {
        return fabric.post(new ShmRequest(fabric, false, rank, source, tag, ShmFabric.check(bytes).duplicate()));
    }

    @Override
    public void abort(String message) {
        fabric.fail(rank, message);
    }

    @Override
    public void close() {
        fabric.close(rank);
    }
}
