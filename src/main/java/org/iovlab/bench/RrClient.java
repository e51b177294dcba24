package org.iovlab.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.HdrHistogram.Histogram;

/** The client of a request/response test (netperf TCP_RR): one transaction at a time, each timed. */
public final class RrClient {
    private RrClient() {}

    /** Latencies are recorded in nanoseconds, full round trip, after a warm-up of a tenth of the time (at most 1 s). */
    public static RrSample run(InetSocketAddress server, Duration duration, int requestSize, int responseSize,
                               Duration timeout) throws IOException {
        AtomicBoolean expired = new AtomicBoolean();
        try (Link c = Endpoints.connectForRr(server, timeout);
             AutoCloseable watchdog = Endpoints.deadline(c, duration.plus(timeout), () -> expired.set(true))) {
            Wire.writeFully(c, new Wire.Header(Wire.Kind.RR, requestSize, responseSize, 1, System.nanoTime()).encode());
            ByteBuffer req = ByteBuffer.allocateDirect(requestSize), resp = ByteBuffer.allocateDirect(responseSize);
            Histogram h = new Histogram(60_000_000_000L, 3);
            long warm = Math.min(1_000_000_000L, duration.toNanos() / 10);
            long t0 = System.nanoTime(), measureFrom = t0 + warm, end = t0 + duration.toNanos();
            long now = t0, first = 0;
            while (now < end) {
                long s = System.nanoTime();
                Wire.writeFully(c, req.clear());
                Wire.readFully(c, resp.clear(), "a response");
                now = System.nanoTime();
                if (s >= measureFrom) {
                    if (first == 0) first = s;
                    h.recordValue(now - s);
                }
            }
            return new RrSample(h.getTotalCount(), now - (first == 0 ? now : first), requestSize, responseSize, h, c.transport());
        } catch (IOException e) {
            throw StreamClient.failure(server, expired.get(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
