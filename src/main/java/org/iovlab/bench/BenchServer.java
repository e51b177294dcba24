package org.iovlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The receiving end of every test: accepts connections and serves each on its own thread.
 * Stream tests: count what arrives, then report it. Request/response tests: answer each
 * request with a response of the agreed size.
 */
public final class BenchServer implements AutoCloseable {
    static final int READ_BUFFER = 256 * 1024;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Link.Listener listener;
    private final Thread acceptor;
    private final Consumer<String> log;

    private BenchServer(Link.Listener listener, Consumer<String> log) {
        this.listener = listener;
        this.log = log;
        this.acceptor = Thread.ofPlatform().name("iovlab-bench-accept").daemon().start(this::acceptLoop);
    }

    /**
     * Listens on {@code bind} (port 0: any free port). {@code log} gets one line per failed connection.
     * Connections go through libc calls where the JDK allows them (22+), as the clients' do.
     */
    public static BenchServer start(InetSocketAddress bind, Consumer<String> log) throws IOException {
        Link.Listener l = NativeTcp.available() ? NativeTcp.listen(bind, 64) : ChannelLink.listen(bind, 64);
        return new BenchServer(l, log);
    }

    public int port() {
        return listener.port();
    }

    /** Serves until closed (the {@code bench server} command). */
    public void awaitClose() throws InterruptedException {
        acceptor.join();
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            try {
                Link c = listener.accept();
                Thread.ofPlatform().name("iovlab-bench-conn").daemon().start(() -> serve(c));
            } catch (IOException e) {
                if (!listener.isOpen()) return;
                log.accept("accept failed: " + e.getMessage());
            }
        }
    }

    private void serve(Link c) {
        try (c) {
            ByteBuffer hb = ByteBuffer.allocate(Wire.HEADER_BYTES);
            Wire.readFully(c, hb, "the test header");
            Wire.Header h = Wire.Header.decode(hb.flip());
            switch (h.kind()) {
                case STREAM -> receiveStream(c, h);
                case RR -> answer(c, h);
            }
        } catch (IOException e) {
            log.accept("connection " + c.peer() + ": " + e.getMessage());
        }
    }

    private static void receiveStream(Link c, Wire.Header h) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(READ_BUFFER);
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long bytes = 0, first = 0, last = 0;
        long[] bins = new long[64];
        int usedBins = 0;
        for (int n; (n = c.read(buf.clear())) >= 0; ) {
            if (n == 0) continue;
            long now = System.nanoTime();
            if (bytes == 0) first = now;
            last = now;
            bytes += n;
            int bin = (int) Math.max(0, (now - h.startAtNanos()) / h.binNanos());
            if (bin >= bins.length) bins = Arrays.copyOf(bins, Math.max(bin + 1, bins.length * 2));
            bins[bin] += n;
            usedBins = Math.max(usedBins, bin + 1);
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        Wire.writeFully(c, new StreamMeasurement(bytes, first, last, cpu, h.binNanos(), Arrays.copyOf(bins, usedBins)).encode());
    }

    private static void answer(Link c, Wire.Header h) throws IOException {
        ByteBuffer req = ByteBuffer.allocateDirect(h.requestSize());
        ByteBuffer resp = ByteBuffer.allocateDirect(h.responseSize());
        while (true) {
            req.clear();
            // A clean close before the first byte of a request ends the test.
            if (c.read(req) < 0) return;
            Wire.readFully(c, req, "a request");
            Wire.writeFully(c, resp.clear());
        }
    }

    @Override
    public void close() {
        listener.close();
    }
}
