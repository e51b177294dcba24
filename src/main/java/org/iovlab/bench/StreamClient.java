package org.iovlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** The sending end of a stream test (netperf TCP_STREAM): send for a fixed time, then collect the receiver's figures. */
public final class StreamClient {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StreamClient() {}

    /**
     * Connects, waits until {@code startAtNanos} (System.nanoTime; every process of the machine
     * shares that clock, so streams started by different processes begin together), sends
     * {@code sendSize}-byte writes for {@code duration}, then reads back the receiver's figures.
     */
    public static StreamSample run(InetSocketAddress server, Duration duration, int sendSize, int socketBuffer,
                                   long startAtNanos, Duration connectTimeout) throws IOException {
        java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
        long limit = Math.max(0, startAtNanos - System.nanoTime()) + duration.toNanos() + connectTimeout.toNanos();
        try (SocketChannel ch = Endpoints.connect(server, connectTimeout);
             Link c = new ChannelLink(ch);
             AutoCloseable watchdog = Endpoints.deadline(c, Duration.ofNanos(limit), () -> expired.set(true))) {
            if (socketBuffer > 0) ch.setOption(StandardSocketOptions.SO_SNDBUF, socketBuffer);
            long bin = Math.max(1_000_000L, duration.toNanos() / 200);
            Wire.writeFully(c, new Wire.Header(Wire.Kind.STREAM, sendSize, 0, bin, startAtNanos).encode());
            ByteBuffer data = ByteBuffer.allocateDirect(sendSize);
            waitUntil(startAtNanos);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime(), end = start + duration.toNanos(), now = start;
            while (now < end) {
                Wire.writeFully(c, data.clear());
                now = System.nanoTime();
            }
            long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
            c.shutdownOutput();
            ByteBuffer fixed = ByteBuffer.allocate(StreamMeasurement.fixedBytes());
            Wire.readFully(c, fixed, "the receiver's figures");
            StreamMeasurement m = StreamMeasurement.decode(fixed.flip(), n -> {
                ByteBuffer rest = ByteBuffer.allocate(n);
                try {
                    Wire.readFully(c, rest, "the receiver's figures");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return rest.flip();
            });
            return new StreamSample(m.bytes(), m.firstByteNanos(), m.lastByteNanos(), start, now, cpu, m.cpuNanos(),
                    m.binNanos(), m.bins());
        } catch (java.io.UncheckedIOException e) {
            throw failure(server, expired.get(), e.getCause());
        } catch (IOException e) {
            throw failure(server, expired.get(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static IOException failure(InetSocketAddress server, boolean expired, IOException e) {
        if (expired) return new IOException("peer " + server + " stopped answering: no result within the test time plus the timeout", e);
        if (e.getMessage() != null && e.getMessage().startsWith("connection to")) return e;
        if (e.getMessage() != null && e.getMessage().startsWith("no answer from")) return e;
        if (e.getMessage() != null && e.getMessage().startsWith("cannot connect")) return e;
        return new IOException("peer " + server + " failed during the test: " + e.getMessage(), e);
    }

    static void waitUntil(long nanos) {
        for (long left; (left = nanos - System.nanoTime()) > 0; ) {
            if (left > 2_000_000) LockSupport.parkNanos(left - 1_000_000);
            else Thread.onSpinWait();
        }
    }
}
