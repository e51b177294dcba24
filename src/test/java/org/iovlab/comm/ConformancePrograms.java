package org.iovlab.comm;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;

/** The rank programs of the conformance suite; each checks its own results and throws on a wrong one. */
public final class ConformancePrograms {
    private ConformancePrograms() {}

    static double value(int src, int tag, int seq, int i) {
        return src * 1e9 + tag * 1e6 + seq * 1e4 + i + 0.25;
    }

    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    /** Every pair, several tags, lengths 0..300k doubles; receives posted in another tag order than sent. */
    public static final class OrderAndLengths implements RankProgram {
        static final int[] LENGTHS = {0, 1, 7, 1000, 131_072, 300_001};
        static final int TAGS = 3;

        @Override
        public void run(Comm comm, String[] args) {
            int me = comm.rank(), p = comm.size();
            List<Comm.Request> sends = new ArrayList<>();
            for (int d = 0; d < p; d++) {
                if (d == me) continue;
                for (int tag = 0; tag < TAGS; tag++) {
                    for (int seq = 0; seq < LENGTHS.length; seq++) {
                        DoubleBuffer b = comm.allocate(LENGTHS[(seq + tag) % LENGTHS.length]);
                        for (int i = 0; i < b.capacity(); i++) b.put(i, value(me, tag, seq, i));
                        sends.add(comm.isend(b, d, tag));
                    }
                }
            }
            for (int s = 0; s < p; s++) {
                if (s == me) continue;
                for (int tag = TAGS - 1; tag >= 0; tag--) { // reverse tag order: later tags arrive "unexpected"
                    for (int seq = 0; seq < LENGTHS.length; seq++) {
                        DoubleBuffer b = comm.allocate(LENGTHS[(seq + tag) % LENGTHS.length]);
                        comm.irecv(b, s, tag).await();
                        for (int i = 0; i < b.capacity(); i++) {
                            if (b.get(i) != value(s, tag, seq, i)) {
                                throw new AssertionError("rank " + me + ": message " + seq + " tag " + tag + " from " + s
                                        + " has " + b.get(i) + " at " + i + ", want " + value(s, tag, seq, i));
                            }
                        }
                    }
                }
            }
            comm.waitAll(sends.toArray(Comm.Request[]::new));
            comm.barrier();
        }
    }

    /** Hundreds of requests in flight per pair, completed with one waitAll, in a random-ish order. */
    public static final class ManyOutstanding implements RankProgram {
        @Override
        public void run(Comm comm, String[] args) {
            int me = comm.rank(), p = comm.size(), n = 300;
            int right = (me + 1) % p, left = (me - 1 + p) % p;
            DoubleBuffer[] in = new DoubleBuffer[n];
            List<Comm.Request> reqs = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                in[k] = comm.allocate(1 + k % 17);
                reqs.add(comm.irecv(in[k], left, k % 5));
            }
            for (int k = 0; k < n; k++) {
                DoubleBuffer out = comm.allocate(1 + k % 17);
                for (int i = 0; i < out.capacity(); i++) out.put(i, value(me, k % 5, k, i));
                reqs.add(comm.isend(out, right, k % 5));
            }
            java.util.Collections.reverse(reqs);
            comm.waitAll(reqs.toArray(Comm.Request[]::new));
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < in[k].capacity(); i++) check(in[k].get(i) == value(left, k % 5, k, i), "message " + k);
            }
        }
    }

    /** sendrecv around the ring with arrays and offsets; blocking send/recv in a safe order; buffers not from allocate. */
    public static final class Ring implements RankProgram {
        @Override
        public void run(Comm comm, String[] args) {
            int me = comm.rank(), p = comm.size();
            int right = (me + 1) % p, left = (me - 1 + p) % p;
            double[] token = {me, me * 2.0, -me};
            double[] got = new double[5];
            for (int step = 0; step < p; step++) {
                comm.sendrecv(token, 0, 3, right, 4, got, 2, 3, left, 4);
                System.arraycopy(got, 2, token, 0, 3);
            }
            check(token[0] == me && token[1] == me * 2.0 && token[2] == -me, "token came back changed");
            // blocking send/recv: even ranks send first, odd ranks receive first (no cycle of waiting senders)
            double[] big = new double[70_000];
            for (int i = 0; i < big.length; i++) big[i] = me + i;
            double[] from = new double[big.length];
            if (p > 1 && me % 2 == 0) {
                comm.send(big, 0, big.length, right, 9);
                comm.recv(from, 0, from.length, left, 9);
            } else if (p > 1) {
                comm.recv(from, 0, from.length, left, 9);
                comm.send(big, 0, big.length, right, 9);
            }
            if (p > 1) check(from[12345] == left + 12345, "blocking message from the left");
            // heap buffers and views (not from allocate): copied, still correct
            DoubleBuffer heapOut = DoubleBuffer.wrap(new double[]{1, 2, 3, 4, me});
            heapOut.position(1).limit(5);
            DoubleBuffer direct = comm.allocate(10);
            direct.position(3).limit(7);
            Comm.Request r = comm.irecv(direct, left, 11);
            comm.isend(heapOut, right, 11).await();
            r.await();
            check(direct.get(3) == 2 && direct.get(6) == left && direct.get(2) == 0, "positions honoured");
            DoubleBuffer heapIn = DoubleBuffer.allocate(4);
            Comm.Request r2 = comm.irecv(heapIn, left, 12);
            comm.isend(direct, right, 12).await();
            r2.await();
            check(heapIn.get(0) == 2 && heapIn.get(3) == (left - 1 + p) % p, "heap receive");
        }
    }

    /** Barrier waits for the slowest rank; allreduce gives the rank-order result on every rank. */
    public static final class Collectives implements RankProgram {
        @Override
        public void run(Comm comm, String[] args) throws InterruptedException {
            int me = comm.rank(), p = comm.size();
            comm.barrier();
            long t0 = System.nanoTime();
            if (me == p - 1) Thread.sleep(300);
            comm.barrier();
            check(System.nanoTime() - t0 >= 250_000_000L, "rank " + me + " left the barrier before the slow rank came");
            double[] v = {me, 0.1 * (me + 1), -me, 1e-17 * me + 1};
            comm.allreduce(v, Comm.Op.SUM);
            double s1 = 0, s3 = 1;
            for (int r = 0; r < p; r++) s1 += 0.1 * (r + 1);
            for (int r = 1; r < p; r++) s3 += 1e-17 * r + 1;
            check(v[0] == p * (p - 1) / 2.0 && v[1] == s1 && v[2] == -p * (p - 1) / 2.0 && v[3] == s3,
                    "sum " + java.util.Arrays.toString(v));
            check(comm.allreduce(me * 1.5, Comm.Op.MAX) == (p - 1) * 1.5, "max");
            check(comm.allreduce(-me, Comm.Op.MAX) == 0, "max of non-positive");
            for (int k = 0; k < 50; k++) check(comm.allreduce(1, Comm.Op.SUM) == p, "repeated sum");
            comm.barrier();
        }
    }

    /** Rank 1 posts a receive of the wrong length: it fails naming the sender; the job goes on. */
    public static final class LengthMismatch implements RankProgram {
        @Override
        public void run(Comm comm, String[] args) {
            if (comm.rank() == 0) {
                comm.isend(comm.allocate(10), 1, 7).await();
                comm.isend(comm.allocate(10), 1, 8).await();
                comm.send(new double[]{42}, 0, 1, 1, 9);
            } else if (comm.rank() == 1) {
                for (int tag : new int[]{7, 8}) {
                    int want = tag == 7 ? 12 : 8;
                    try {
                        comm.irecv(comm.allocate(want), 0, tag).await();
                        throw new AssertionError("a receive of " + want + " doubles took a message of 10");
                    } catch (CommException e) {
                        String m = e.getMessage();
                        check(e.peer() == 0 && m.contains("rank 0 sent") && m.contains("tag " + tag)
                                && m.contains("rank 1 expected " + want + " doubles"), "unclear error: " + m);
                    }
                }
                double[] x = new double[1];
                comm.recv(x, 0, 1, 0, 9);
                check(x[0] == 42, "message after the mismatch");
            }
            comm.barrier();
        }
    }

    /** Rank 1 aborts; everyone else is blocked in a receive that can never complete. */
    public static final class Abort implements RankProgram {
        @Override
        public void run(Comm comm, String[] args) throws InterruptedException {
            comm.barrier();
            if (comm.rank() == 1) {
                Thread.sleep(200);
                comm.abort("boom: the input was bad");
            }
            comm.recv(new double[1], 0, 1, (comm.rank() + 1) % comm.size(), 0);
            throw new AssertionError("a receive returned after rank 1 aborted");
        }
    }

    /** Rank 2 throws while the others wait for it. */
    public static final class Crash implements RankProgram {
        @Override
        public void run(Comm comm, String[] args) {
            if (comm.rank() == 2) throw new IllegalStateException("bad thing happened in the kernel");
            comm.barrier();
        }
    }

    /** Exchanges messages around the ring until killed; first writes its pid to {@code args[0]/ready-RANK}. */
    public static final class Loop implements RankProgram {
        @Override
        public void run(Comm comm, String[] args) throws java.io.IOException {
            int me = comm.rank(), p = comm.size();
            double[] a = new double[1024], b = new double[1024];
            comm.barrier();
            java.nio.file.Path ready = java.nio.file.Path.of(args[0], "ready-" + me);
            java.nio.file.Files.writeString(java.nio.file.Path.of(ready + ".tmp"), Long.toString(ProcessHandle.current().pid()));
            java.nio.file.Files.move(java.nio.file.Path.of(ready + ".tmp"), ready, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            for (long step = 0; ; step++) {
                comm.sendrecv(a, 0, a.length, (me + 1) % p, 1, b, 0, b.length, (me - 1 + p) % p, 1);
                if (step % 64 == 0) comm.allreduce(1, Comm.Op.SUM);
            }
        }
    }
}
