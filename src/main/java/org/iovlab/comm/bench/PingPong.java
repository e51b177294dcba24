package org.iovlab.comm.bench;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Locale;

import org.iovlab.comm.Comm;
import org.iovlab.comm.RankProgram;

/**
 * Ping-pong between ranks 0 and 1 with direct buffers from {@link Comm#allocate}: for each size,
 * a warm-up, then {@code trials} timed runs; rank 0 prints the median half round trip as
 * {@code RESULT label=L bytes=B iters=N halfRttUs=T MBps=M}, the format bench/comm/pingpong.c
 * prints too. Arguments: {@code LABEL TRIALS SIZE:ITERS...} (sizes in bytes, multiples of 8).
 */
public final class PingPong implements RankProgram {

    @Override
    public void run(Comm comm, String[] args) {
        if (args.length < 3) throw new IllegalArgumentException("usage: LABEL TRIALS SIZE:ITERS...");
        String label = args[0];
        int trials = Integer.parseInt(args[1]);
        int me = comm.rank();
        for (int i = 2; i < args.length; i++) {
            String[] si = args[i].split(":");
            int bytes = Integer.parseInt(si[0]);
            int iters = Integer.parseInt(si[1]);
            if (bytes % Double.BYTES != 0) throw new IllegalArgumentException("size must be a multiple of 8 bytes: " + bytes);
            DoubleBuffer buf = comm.allocate(bytes / Double.BYTES);
            double[] halfUs = new double[trials];
            warmUp(comm, buf, iters);
            for (int t = 0; t < trials; t++) {
                comm.barrier();
                long t0 = System.nanoTime();
                if (me <= 1) loop(comm, buf, iters);
                halfUs[t] = (System.nanoTime() - t0) / 1e3 / (2.0 * iters);
            }
            if (me == 0) {
                Arrays.sort(halfUs);
                double median = halfUs[trials / 2];
                System.out.printf(Locale.ROOT, "RESULT label=%s bytes=%d iters=%d halfRttUs=%.3f MBps=%.1f%n",
                        label, bytes, iters, median, bytes / median);
                System.out.flush();
            }
        }
        comm.barrier();
    }

    /** Runs the loop until rank 0 has spent 0.5 s in it (JIT, TCP windows), at least once. */
    private static void warmUp(Comm comm, DoubleBuffer buf, int iters) {
        long t0 = System.nanoTime();
        do {
            if (comm.rank() <= 1) loop(comm, buf, iters);
        } while (comm.allreduce(comm.rank() == 0 && System.nanoTime() - t0 < 500_000_000L ? 1 : 0, Comm.Op.MAX) > 0);
    }

    private static void loop(Comm comm, DoubleBuffer buf, int iters) {
        int other = 1 - comm.rank();
        if (comm.rank() == 0) {
            for (int k = 0; k < iters; k++) {
                comm.isend(buf, other, 0).await();
                comm.irecv(buf, other, 0).await();
            }
        } else {
            for (int k = 0; k < iters; k++) {
                comm.irecv(buf, other, 0).await();
                comm.isend(buf, other, 0).await();
            }
        }
    }
}
