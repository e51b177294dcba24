package org.iovlab.comm.mpi;

import java.time.Duration;

/**
 * Ends a job whose rank has waited longer than the read timeout in one MPI_Wait (which cannot
 * time out by itself): it reports the rank waited for and aborts through mpirun. The rank's
 * thread only writes a few volatile fields per wait.
 */
final class Watchdog {
    private final int rank;
    private final long timeoutNanos;
    private volatile long since;
    private volatile int peer;
    private volatile int tag;
    private volatile boolean send;

    Watchdog(int rank, Duration timeout, MpiTransport transport) {
        this.rank = rank;
        this.timeoutNanos = timeout.toNanos();
        Thread t = new Thread(() -> watch(transport), "iovlab-mpi-watchdog");
        t.setDaemon(true);
        t.start();
    }

    void enter(int peer, int tag, boolean send) {
        this.peer = peer;
        this.tag = tag;
        this.send = send;
        since = System.nanoTime();
    }

    void leave() {
        since = 0;
    }

    private void watch(MpiTransport transport) {
        while (true) {
            try {
                Thread.sleep(Math.max(10, Math.min(1000, timeoutNanos / 4_000_000)));
            } catch (InterruptedException e) {
                return;
            }
            long s = since;
            if (s != 0 && System.nanoTime() - s > timeoutNanos) {
                int p = peer;
                System.err.println(org.iovlab.comm.RankExit.MARK + rank + " culprit=" + p + ": rank " + rank + " waited "
                        + Duration.ofNanos(timeoutNanos).toSeconds() + " s for rank " + p + " to "
                        + (send ? "take" : "send") + " a message with tag " + tag);
                transport.end(org.iovlab.comm.RankExit.PEER_FAILED);
                return;
            }
        }
    }
}
