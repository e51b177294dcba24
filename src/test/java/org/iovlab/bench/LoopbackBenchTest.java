package org.iovlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Loopback runs with real processes: figures are sane, per-pair rates sum to the total, pairs overlap. */
class LoopbackBenchTest {

    @Test
    @Timeout(60)
    void parallelStreamsOverlapAndSumToTheTotal() throws BenchFailure {
        List<StreamBench.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 3; i++) pairs.add(new StreamBench.Pair(Endpoint.local("s" + i), Endpoint.local("loopback")));
        var spec = new StreamBench.Spec(Duration.ofSeconds(1), 64 * 1024, 0, new Repetitions(2, 2, 0.5), false, 0, Duration.ofSeconds(10));
        StreamReport r = StreamBench.run(pairs, spec, line -> { });
        assertThat(r.reps()).hasSize(2);
        for (StreamReport.Rep rep : r.reps()) {
            assertThat(rep.overlapped()).isTrue();
            assertThat(rep.samples()).allSatisfy(s -> assertThat(s.bytes()).isPositive());
            double sum = 0;
            for (double v : rep.perPairBytesPerSecond()) sum += v;
            assertThat(sum).isCloseTo(rep.totalBytesPerSecond(), org.assertj.core.data.Percentage.withPercentage(1e-9));
            assertThat(rep.startSkewNanos()).isLessThan(50_000_000L);
        }
        assertThat(r.toJson()).containsKeys("totalMiBps", "perPair", "maxStartSkewMicros", "warnings", "repetitions");
    }

    @Test
    @Timeout(60)
    void requestResponseCountsEveryTransaction() throws BenchFailure {
        var spec = new RrBench.Spec(Duration.ofSeconds(1), 32, 200, new Repetitions(1, 1, 0.5), false, Duration.ofSeconds(10));
        RrBench.Report r = RrBench.run(new StreamBench.Pair(Endpoint.local("c"), Endpoint.local("loopback")), spec, line -> { });
        RrSummary s = r.reps().get(0).result();
        assertThat(s.transactions()).isPositive().isEqualTo(s.decodeHistogram().getTotalCount());
        assertThat(s.p50Us()).isPositive().isLessThanOrEqualTo(s.p99Us());
        assertThat(r.table()).contains("latency histogram");
    }
}
