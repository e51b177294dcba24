package org.iovlab.comm.shm;

import java.util.concurrent.atomic.AtomicReference;

import org.iovlab.comm.CommException;
import org.iovlab.comm.JobFailedException;
import org.iovlab.comm.JobOptions;
import org.iovlab.comm.Jobs;
import org.iovlab.comm.RankProgram;
import org.iovlab.comm.TransportComm;

/** Runs a job's ranks as threads of this JVM. */
public final class ShmJob {
    private ShmJob() {}

    public static void run(int ranks, Class<? extends RankProgram> program, String[] args, JobOptions options) {
        ShmFabric fabric = new ShmFabric(ranks, options.readTimeout());
        AtomicReference<JobFailedException> first = new AtomicReference<>();
        Thread[] threads = new Thread[ranks];
        for (int r = 0; r < ranks; r++) {
            int rank = r;
            threads[r] = new Thread(() -> runRank(fabric, rank, program, args, first), "iovlab-rank-" + r);
        }
        for (Thread t : threads) t.start();
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    fabric.fail(-1, "the job was interrupted");
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        JobFailedException f = first.get();
        if (f != null) throw f;
    }

    private static void runRank(ShmFabric fabric, int rank, Class<? extends RankProgram> program, String[] args,
                                AtomicReference<JobFailedException> first) {
        TransportComm comm = new TransportComm(fabric.transport(rank));
        try {
            Jobs.instantiate(program).run(comm, args.clone());
        } catch (Throwable e) {
            // A CommException naming another rank is a consequence; the root cause was recorded first.
            int culprit = e instanceof CommException ce && ce.peer() >= 0 ? ce.peer() : rank;
            String msg = e instanceof CommException ? e.getMessage() : "rank " + rank + " failed: " + e;
            first.compareAndSet(null, new JobFailedException(culprit, msg, e));
            fabric.fail(culprit, msg);
            return;
        }
        comm.close();
    }
}
