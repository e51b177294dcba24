package org.iovlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MultiStreamTest {
    private static StreamSample sample(long first, long... bins) {
        long bytes = 0;
        for (long b : bins) bytes += b;
        return new StreamSample(bytes, first + 7, first + 1000, first, first + 1000, 10, 10, 100, bins);
    }

    @Test
    void theCommonWindowLeavesOutPartialEdgeBinsAndStreamsThatHadNotStarted() {
        StreamSample a = sample(0, 5, 10, 10, 10, 10, 3);
        StreamSample b = sample(250, 0, 0, 4, 10, 10, 10, 2);
        MultiStream m = new MultiStream(List.of(a, b));
        assertThat(m.commonBins()).containsExactly(3, 5);
        assertThat(m.startSkewNanos()).isEqualTo(250);
        // 20 bytes in 2 bins of 100 ns each: 1e8 bytes/s per stream.
        assertThat(m.perStreamBytesPerSecond()).containsExactly(1e8, 1e8);
        assertThat(m.totalBytesPerSecond()).isEqualTo(2e8);
    }

    @Test
    void streamsThatNeverOverlapHaveNoCommonWindow() {
        MultiStream m = new MultiStream(List.of(sample(0, 5, 5, 5, 0, 0, 0, 0), sample(500, 0, 0, 0, 0, 5, 5, 5)));
        assertThat(m.overlapped()).isFalse();
    }

    @Test
    void confidenceIntervalsUseStudentT() {
        Estimate e = Estimate.of(List.of(10.0, 12.0, 11.0));
        assertThat(e.mean()).isEqualTo(11.0);
        // sd = 1, t(0.975, 2) = 4.303, half-width = 4.303 / sqrt(3)
        assertThat(e.halfWidth95()).isCloseTo(2.4841, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(new Repetitions(3, 10, 0.025).done(e)).isFalse();
        assertThat(new Repetitions(3, 3, 0.025).done(e)).isTrue();
    }
}
