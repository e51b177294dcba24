package org.iovlab.bench;

import java.util.List;

/**
 * Streams that ran at the same time, summed over their common window: the time bins in which
 * every stream was sending (first and last bins, which are partial, left out). Start skew is
 * the spread of the senders' start instants.
 */
public record MultiStream(List<StreamSample> streams) {

    public MultiStream {
        if (streams.isEmpty()) throw new IllegalArgumentException("no streams");
        streams = List.copyOf(streams);
    }

    /** Spread of the instants at which the senders started sending (all were told the same instant). */
    public long startSkewNanos() {
        long min = streams.stream().mapToLong(StreamSample::senderStartNanos).min().orElse(0);
        long max = streams.stream().mapToLong(StreamSample::senderStartNanos).max().orElse(0);
        return max - min;
    }

    /** {@code [from, to)} bins where all streams overlapped, or an empty range when they did not. */
    public int[] commonBins() {
        int from = 0, to = Integer.MAX_VALUE;
        for (StreamSample s : streams) {
            int first = -1, last = -1;
            for (int i = 0; i < s.bins().length; i++) {
                if (s.bins()[i] > 0) {
                    if (first < 0) first = i;
                    last = i;
                }
            }
            if (first < 0) return new int[] {0, 0};
            from = Math.max(from, first + 1);
            to = Math.min(to, last);
        }
        return to > from ? new int[] {from, to} : new int[] {0, 0};
    }

    /** Whether every stream was sending during a common window. */
    public boolean overlapped() {
        int[] w = commonBins();
        return w[1] > w[0];
    }

    /** Each stream's rate over the common window, bytes per second (its own rate if there was no common window). */
    public double[] perStreamBytesPerSecond() {
        int[] w = commonBins();
        double[] r = new double[streams.size()];
        for (int i = 0; i < r.length; i++) {
            StreamSample s = streams.get(i);
            r[i] = w[1] > w[0] ? s.bytesInBins(w[0], w[1]) * 1e9 / ((w[1] - w[0]) * (double) s.binNanos()) : s.bytesPerSecond();
        }
        return r;
    }

    public double totalBytesPerSecond() {
        double t = 0;
        for (double v : perStreamBytesPerSecond()) t += v;
        return t;
    }
}
