package org.iovlab.bench;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/** A request/response result as it crosses process boundaries: figures plus the whole latency histogram, compressed. */
public record RrSummary(long transactions, long elapsedNanos, int requestSize, int responseSize, double p50Us, double p90Us,
                        double p99Us, double maxUs, String histogram, String transport) {

    public static RrSummary of(RrSample s) {
        Histogram h = s.latencyNanos();
        ByteBuffer b = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(b);
        byte[] bytes = new byte[n];
        b.flip().get(bytes);
        return new RrSummary(s.transactions(), s.elapsedNanos(), s.requestSize(), s.responseSize(), s.latencyUs(50),
                s.latencyUs(90), s.latencyUs(99), s.maxUs(), Base64.getEncoder().encodeToString(bytes), s.transport());
    }

    public double transactionsPerSecond() {
        return elapsedNanos <= 0 ? 0 : transactions * 1e9 / elapsedNanos;
    }

    public Histogram decodeHistogram() {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(histogram)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt latency histogram", e);
        }
    }
}
