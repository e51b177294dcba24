package org.iovlab.bench;

/**
 * One stream's result: the receiver's measurement plus the sender's own window and CPU time.
 * Rates are measured at the receiver, from its first to its last byte.
 */
public record StreamSample(long bytes, long firstByteNanos, long lastByteNanos, long senderStartNanos, long senderEndNanos,
                           long senderCpuNanos, long receiverCpuNanos, long binNanos, long[] bins) {

    public double bytesPerSecond() {
        long window = lastByteNanos - firstByteNanos;
        return window <= 0 ? 0 : bytes * 1e9 / window;
    }

    public double mibPerSecond() {
        return bytesPerSecond() / (1 << 20);
    }

    /** Sender CPU per KiB moved, in microseconds (netperf's service demand). */
    public double senderServiceDemandUsPerKiB() {
        return bytes == 0 ? 0 : senderCpuNanos / 1e3 / (bytes / 1024.0);
    }

    public double receiverServiceDemandUsPerKiB() {
        return bytes == 0 ? 0 : receiverCpuNanos / 1e3 / (bytes / 1024.0);
    }

    /** Fraction of one core the sending thread used while sending. */
    public double senderCpuShare() {
        long w = senderEndNanos - senderStartNanos;
        return w <= 0 ? 0 : (double) senderCpuNanos / w;
    }

    public double receiverCpuShare() {
        long w = lastByteNanos - firstByteNanos;
        return w <= 0 ? 0 : (double) receiverCpuNanos / w;
    }

    /** Bytes received in bins {@code [from, to)} counted from the agreed start. */
    public long bytesInBins(int from, int to) {
        long sum = 0;
        for (int i = Math.max(0, from); i < Math.min(to, bins.length); i++) sum += bins[i];
        return sum;
    }
}
