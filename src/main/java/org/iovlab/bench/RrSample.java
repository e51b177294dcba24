package org.iovlab.bench;

import org.HdrHistogram.Histogram;

/**
 * One request/response run: transactions, the time they took, and their round-trip latencies in ns;
 * {@code transport}: the client's socket calls ({@link Link#transport()}).
 */
public record RrSample(long transactions, long elapsedNanos, int requestSize, int responseSize, Histogram latencyNanos,
                       String transport) {

    public double transactionsPerSecond() {
        return elapsedNanos <= 0 ? 0 : transactions * 1e9 / elapsedNanos;
    }

    /** Round-trip latency at percentile {@code p} (0..100), in microseconds. */
    public double latencyUs(double p) {
        return latencyNanos.getValueAtPercentile(p) / 1e3;
    }

    public double maxUs() {
        return latencyNanos.getMaxValue() / 1e3;
    }
}
