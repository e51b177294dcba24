package org.iovlab.comm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What every backend must do; a subclass per backend says how to run a job. */
abstract class ConformanceSuite {

    abstract Backend backend();

    JobOptions options() {
        return JobOptions.defaults().withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30));
    }

    void run(int ranks, Class<? extends RankProgram> program) {
        Jobs.run(backend(), ranks, program, new String[0], options());
    }

    @Test
    void messagesArriveInOrderPerPairAndTagWithExactLengths() {
        run(3, ConformancePrograms.OrderAndLengths.class);
    }

    @Test
    void manyOutstandingRequests() {
        run(3, ConformancePrograms.ManyOutstanding.class);
    }

    @Test
    void sendrecvRingBlockingAndForeignBuffers() {
        run(3, ConformancePrograms.Ring.class);
    }

    @Test
    void barrierAndAllreduce() {
        run(5, ConformancePrograms.Collectives.class);
    }

    @Test
    void lengthMismatchIsAClearErrorNamingTheSender() {
        run(2, ConformancePrograms.LengthMismatch.class);
    }

    @Test
    void abortReachesEveryRankNamingTheAborter() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> run(3, ConformancePrograms.Abort.class))
                .isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.rank()).isEqualTo(1))
                .hasMessageContaining("rank 1")
                .hasMessageContaining("boom: the input was bad");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aCrashingRankFailsTheJobNamingIt() {
        assertThatThrownBy(() -> run(3, ConformancePrograms.Crash.class))
                .isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.rank()).isEqualTo(2))
                .hasMessageContaining("rank 2")
                .hasMessageContaining("bad thing happened in the kernel");
    }
}
