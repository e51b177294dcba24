package org.iovlab.comm.shm;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.iovlab.comm.Comm;
import org.iovlab.comm.CommException;

/**
 * One posted send or receive. The rank that matches a pair copies the sender's bytes straight
 * into the receiver's buffer (one copy) and completes both; the owner waits by spinning
 * briefly, then parking.
 */
final class ShmRequest implements Comm.Request {
    private static final int PENDING = 0, DONE = 1, FAILED = 2;
    private static final int SPINS = 20_000;

    final boolean send;
    final int owner;
    final int peer;
    final int tag;
    final ByteBuffer bytes;
    private final ShmFabric fabric;
    private volatile int state = PENDING;
    private volatile CommException failure;
    private volatile Thread waiter;

    ShmRequest(ShmFabric fabric, boolean send, int owner, int peer, int tag, ByteBuffer bytes) {
        this.fabric = fabric;
        this.send = send;
        this.owner = owner;
        this.peer = peer;
        this.tag = tag;
        this.bytes = bytes;
    }

    void complete() {
        state = DONE;
        Thread w = waiter;
        if (w != null) LockSupport.unpark(w);
    }

    void fail(CommException e) {
        if (state != PENDING) return;
        failure = e;
        state = FAILED;
        Thread w = waiter;
        if (w != null) LockSupport.unpark(w);
    }

    @Override
    public boolean test() {
        return state != PENDING;
    }

    @Override
    public void await() {
        for (int i = 0; i < SPINS && state == PENDING; i++) Thread.onSpinWait();
        if (state == PENDING) park();
        if (state == FAILED) {
            CommException f = failure;
            throw new CommException(f.peer(), f.getMessage(), f);
        }
    }

    private void park() {
        waiter = Thread.currentThread();
        long timeout = fabric.readTimeout().toNanos();
        long deadline = System.nanoTime() + timeout;
        while (state == PENDING) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail(new CommException(peer, "rank " + owner + " waited " + TimeUnit.NANOSECONDS.toSeconds(timeout)
                        + " s for rank " + peer + " to " + (send ? "receive" : "send") + " a message with tag " + tag));
                fabric.forget(this);
                break;
            }
            LockSupport.parkNanos(this, Math.min(left, 100_000_000L));
            fabric.checkFailure(this);
        }
        waiter = null;
    }
}
