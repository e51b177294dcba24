package org.iovlab.comm.tcp;

import java.nio.ByteBuffer;

import org.iovlab.comm.Comm;
import org.iovlab.comm.CommException;

/** A send or receive of a tcp rank; it progresses only while its rank's thread is in a call. */
final class TcpRequest implements Comm.Request {
    final TcpTransport transport;
    final boolean send;
    final int peer;
    final int tag;
    final ByteBuffer bytes;
    private boolean done;
    private CommException failure;

    TcpRequest(TcpTransport transport, boolean send, int peer, int tag, ByteBuffer bytes) {
        this.transport = transport;
        this.send = send;
        this.peer = peer;
        this.tag = tag;
        this.bytes = bytes;
    }

    boolean done() {
        return done;
    }

    void complete() {
        done = true;
    }

    void fail(CommException e) {
        if (done) return;
        failure = e;
        done = true;
    }

    @Override
    public void await() {
        if (!done) transport.await(this);
        if (failure != null) throw new CommException(failure.peer(), failure.getMessage(), failure);
    }

    @Override
    public boolean test() {
        if (!done) transport.poll(this);
        return done;
    }
}
