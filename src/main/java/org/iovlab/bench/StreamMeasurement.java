package org.iovlab.bench;

import java.nio.ByteBuffer;

/**
 * What the receiver of one stream measured: bytes, the time of the first and last byte
 * (System.nanoTime, one clock for every process on the machine), the CPU time of its
 * receiving thread, and bytes per time bin from the agreed start, for common-window sums.
 */
record StreamMeasurement(long bytes, long firstByteNanos, long lastByteNanos, long cpuNanos, long binNanos, long[] bins) {

    ByteBuffer encode() {
        ByteBuffer b = ByteBuffer.allocate(8 * 6 + 8 * bins.length);
        b.putLong(bytes).putLong(firstByteNanos).putLong(lastByteNanos).putLong(cpuNanos).putLong(binNanos).putLong(bins.length);
        for (long v : bins) b.putLong(v);
        return b.flip();
    }

    static int fixedBytes() {
        return 8 * 6;
    }

    static StreamMeasurement decode(ByteBuffer fixed, java.util.function.IntFunction<ByteBuffer> readBins) {
        long bytes = fixed.getLong(), first = fixed.getLong(), last = fixed.getLong(), cpu = fixed.getLong(), bin = fixed.getLong();
        int n = (int) fixed.getLong();
        ByteBuffer rest = readBins.apply(n * 8);
        long[] bins = new long[n];
        for (int i = 0; i < n; i++) bins[i] = rest.getLong();
        return new StreamMeasurement(bytes, first, last, cpu, bin, bins);
    }
}
