package org.iovlab.app;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.iovlab.comm.Comm;
import org.iovlab.comm.CommException;

/**
 * A minimal in-test communicator: ranks are threads, a message is a copied array in a queue per
 * (source, destination, tag). Enough for the solver's tests until the comm backends land; it
 * counts sends so tests can check the message accounting.
 */
final class ThreadComm implements Comm {
    private final int rank, size;
    private final ConcurrentHashMap<String, BlockingQueue<double[]>> boxes;
    final List<int[]> sent = new ArrayList<>(); // {dest, tag, count}

    private ThreadComm(int rank, int size, ConcurrentHashMap<String, BlockingQueue<double[]>> boxes) {
        this.rank = rank;
        this.size = size;
        this.boxes = boxes;
    }

    /** Runs {@code body} on {@code n} rank threads; returns the results in rank order. */
    static <T> List<T> run(int n, Function<ThreadComm, T> body) {
        ConcurrentHashMap<String, BlockingQueue<double[]>> boxes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                ThreadComm c = new ThreadComm(r, n, boxes);
                futures.add(pool.submit(() -> body.apply(c)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get(60, TimeUnit.SECONDS));
            return out;
        } catch (Exception e) {
            throw new AssertionError("rank failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private BlockingQueue<double[]> box(int from, int to, int tag) {
        return boxes.computeIfAbsent(from + ">" + to + "#" + tag, k -> new LinkedBlockingQueue<>());
    }

    private double[] take(int source, int tag) {
        try {
            double[] m = box(source, rank, tag).poll(30, TimeUnit.SECONDS);
            if (m == null) throw new CommException(source, "rank " + rank + ": timeout waiting for rank " + source + " tag " + tag);
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommException(source, "interrupted", e);
        }
    }

    @Override public int rank() { return rank; }

    @Override public int size() { return size; }

    @Override
    public DoubleBuffer allocate(int doubles) {
        return ByteBuffer.allocateDirect(doubles * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    @Override
    public Request isend(DoubleBuffer buf, int dest, int tag) {
        double[] copy = new double[buf.remaining()];
        buf.get(buf.position(), copy);
        post(copy, dest, tag);
        return done();
    }

    private void post(double[] copy, int dest, int tag) {
        synchronized (sent) {
            sent.add(new int[] {dest, tag, copy.length});
        }
        box(rank, dest, tag).add(copy);
    }

    private static Request done() {
        return new Request() {
            @Override public void await() {}

            @Override public boolean test() { return true; }
        };
    }

    @Override
    public Request irecv(DoubleBuffer buf, int source, int tag) {
        return new Request() {
            boolean finished;

            @Override
            public void await() {
                if (finished) return;
                double[] m = take(source, tag);
                if (m.length != buf.remaining()) throw new CommException(source, "size mismatch " + m.length + " vs " + buf.remaining());
                buf.put(buf.position(), m);
                finished = true;
            }

            @Override public boolean test() { return finished; }
        };
    }

    @Override
    public void send(double[] data, int offset, int count, int dest, int tag) {
        double[] copy = new double[count];
        System.arraycopy(data, offset, copy, 0, count);
        post(copy, dest, tag);
    }

    @Override
    public void recv(double[] data, int offset, int count, int source, int tag) {
        double[] m = take(source, tag);
        if (m.length != count) throw new CommException(source, "size mismatch");
        System.arraycopy(m, 0, data, offset, count);
    }

    @Override
    public void sendrecv(double[] s, int so, int sc, int dest, int st, double[] r, int ro, int rc, int source, int rt) {
        send(s, so, sc, dest, st);
        recv(r, ro, rc, source, rt);
    }

    @Override
    public void waitAll(Request... requests) {
        for (Request q : requests) q.await();
    }

    @Override
    public void barrier() {
        allreduce(new double[1], Op.SUM);
    }

    @Override
    public void allreduce(double[] values, Op op) {
        int tag = -7;
        if (rank != 0) {
            send(values, 0, values.length, 0, tag);
            recv(values, 0, values.length, 0, tag);
            return;
        }
        double[] other = new double[values.length];
        for (int r = 1; r < size; r++) {
            recv(other, 0, other.length, r, tag);
            for (int i = 0; i < values.length; i++) values[i] = op == Op.SUM ? values[i] + other[i] : Math.max(values[i], other[i]);
        }
        for (int r = 1; r < size; r++) send(values, 0, values.length, r, tag);
    }

    @Override
    public void abort(String reason) {
        throw new CommException(-1, reason);
    }

    @Override
    public void close() {}
}
