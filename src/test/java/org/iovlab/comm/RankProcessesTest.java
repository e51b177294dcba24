package org.iovlab.comm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RankProcessesTest {

    @Test
    void exitStatusesAreNamed() {
        assertThat(RankProcesses.describeExit(1, 137)).isEqualTo("rank 1 was killed by signal 9 (SIGKILL)");
        assertThat(RankProcesses.describeExit(0, 1)).isEqualTo("rank 0 exited with status 1");
        assertThat(RankProcesses.describeExit(-1, 143)).isEqualTo("the job was killed by signal 15 (SIGTERM)");
    }

    @Test
    void theRankThatFailedByItselfIsBlamedAndStragglersAreKilled() throws Exception {
        RankProcesses p = new RankProcesses(Duration.ofMillis(300));
        p.start(0, List.of("sh", "-c", "sleep 0.3; echo '" + RankExit.MARK + "0 culprit=1: rank 1 died' >&2; exit 3"));
        p.start(1, List.of("sh", "-c", "echo '" + RankExit.MARK + "1 culprit=1: rank 1 failed: boom' >&2; exit 1"));
        p.start(2, List.of("sleep", "30")); // never notices: killed after the grace period
        long t0 = System.nanoTime();
        assertThatThrownBy(p::awaitAll).isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.rank()).isEqualTo(1))
                .hasMessage("rank 1 failed: boom (then rank 0: rank 1 died)");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
}
