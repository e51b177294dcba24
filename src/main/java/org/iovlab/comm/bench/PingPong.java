package org.iovlab.comm.bench;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Locale;

import org.iovlab.comm.Comm;
import org.iovlab.comm.RankProgram;

/**
 * Ping-pong between ranks 0 and 1 with direct buffers from {@link Comm#allocate}: for each size,
 * a warm-up, then {@code trials} timed runs; rank 0 prints the median half round trip and the
 * best one as {@code RESULT label=L bytes=B iters=N halfRttUs=T MBps=M bestUs=B}, the format
 * bench/comm/pingpong.c prints too. Arguments: {@code LABEL TRIALS SIZE:ITERS...} (sizes in bytes, multiples of 8).
 */
public final class PingPong implements RankProgram {
    private static final long WARM_UP_NANOS = 1_500_000_000L;
    /** One message below and one above the rendezvous threshold (64 KiB: the tcp backend's and Open MPI's). */
    private static final int[] PROTOCOL_PROBES = {8, 128 * 1024};

    @Override
    public void run(Comm comm, String[] args) {
        if (args.length < 3) throw new IllegalArgumentException("usage: LABEL TRIALS SIZE:ITERS...");
        String label = args[0];
        int trials = Integer.parseInt(args[1]);
        int me = comm.rank();
        for (int bytes : PROTOCOL_PROBES) warmUp(comm, comm.allocate(bytes / Double.BYTES), 100);
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
                System.out.printf(Locale.ROOT, "RESULT label=%s bytes=%d iters=%d halfRttUs=%.3f MBps=%.1f bestUs=%.3f%n",
                        label, bytes, iters, median, bytes / median, halfUs[0]);
                System.out.flush();
            }
        }
        comm.barrier();
    }

    /**
     * Runs the loop until rank 0 has spent 1.5 s in it (at least once). Before the first
     * size, 1.5 s each of 8 B and 128 KiB messages compile both protocols (eager and rendezvous),
     * then every size gets 1.5 s too. A rank's JIT compilers share its core with the spinning rank
     * thread, so a timed run that still compiles is slow. Measured: with the mpi backend over vader,
     * 8 B half round trips took 0.8-0.9 µs after 0.5 s of warm-up, 0.43 µs (Open MPI-C's figure)
     * after 3 s; with the tcp backend, 1 MiB took 234-351 µs after 3 s of 1 MiB messages alone
     * (about 6,000 messages: C2 still compiled the rendezvous path while timed) and 222-239 µs
     * after a 128 KiB warm-up, against 225-279 µs for Open MPI-C in the same minutes.
     */
    private static void warmUp(Comm comm, DoubleBuffer buf, int iters) {
        long t0 = System.nanoTime();
        do {
            if (comm.rank() <= 1) loop(comm, buf, iters);
        } while (comm.allreduce(comm.rank() == 0 && System.nanoTime() - t0 < WARM_UP_NANOS ? 1 : 0, Comm.Op.MAX) > 0);
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
