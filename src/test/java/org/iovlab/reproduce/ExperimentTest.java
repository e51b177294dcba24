package org.iovlab.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.iovlab.placement.Dims;
import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The points of a reproduce run, their order, what resume measures and when it refuses. */
class ExperimentTest {
    private static final Scenario LOCAL = Scenarios.load("local").resolved();

    @TempDir Path tmp;

    @Test
    void theFullRunCoversEveryShareOfInterHostMessages() {
        Experiment e = Experiment.of(LOCAL, "xen-2010", false, null, null, null, Dilation.forRanks(8, 2));
        assertThat(e.reps()).isEqualTo(2);
        assertThat(e.dilation().factor()).isEqualTo(4);
        Set<Double> shares = new HashSet<>();
        for (Point p : e.points()) {
            if (p.kind() == Point.Kind.ADVECT && p.decomp().volume() == 8) {
                var acc = org.iovlab.placement.MessageAccounting.upwind(e.grid(), p.decomp(), Measure.placement(e, p));
                shares.add(acc.interHostShare());
            }
        }
        assertThat(shares).hasSize(7); // 1/7 .. 7/7
        // 3 streams; 3 placements x 3 axes, 4 more along X and 2 smaller rank counts, on each of 3 data paths
        assertThat(e.points()).hasSize(3 + (3 * 3 + 4 + 2) * 3);
    }

    @Test
    void quickRunsThePapersThreePlacementsAlongXyzAndTwoSmallerRankCounts() {
        Experiment e = Experiment.of(LOCAL, "xen-2010", true, null, null, null, Dilation.NONE);
        assertThat(e.reps()).isEqualTo(1);
        assertThat(e.points().stream().filter(p -> p.kind() == Point.Kind.ADVECT).map(Point::placement).distinct())
                .containsExactly("inter", "intra", "hybrid");
        assertThat(e.points().stream().filter(p -> p.kind() == Point.Kind.ADVECT).map(p -> p.decomp().toString()).distinct())
                .containsExactly("8x1x1", "1x8x1", "1x1x8", "2x1x1", "4x1x1");
    }

    @Test
    void dataPathsOfAPointRunBackToBackInAnOrderThatRotatesWithTheRepetition() {
        Experiment e = Experiment.of(LOCAL, "xen-2010", true, 2, new Dims(16, 16, 16), 2, Dilation.NONE);
        List<Reproduce.Task> all = Reproduce.missing(e, Set.of());
        assertThat(all).hasSize(e.points().size() * 2);
        assertThat(all.subList(0, 3)).extracting(t -> t.point().id()).containsExactly("stream/native", "stream/bridged", "stream/iov");
        int second = e.points().size();
        assertThat(all.subList(second, second + 3)).extracting(t -> t.point().id()).containsExactly("stream/bridged", "stream/iov", "stream/native");
        // Resume: what is recorded is skipped; a stream repetition counts once both its records exist.
        List<Reproduce.Task> left = Reproduce.missing(e, Set.of("stream/native#1", "iperf3/native#1", "stream/iov#1",
                "advect/native/inter/8x1x1#1"));
        assertThat(left).hasSize(all.size() - 2);
        assertThat(left.get(0).point().id()).isEqualTo("stream/bridged");
        assertThat(left.get(1).point().id()).isEqualTo("stream/iov");
    }

    @Test
    void resumeRefusesAnotherExperimentAndANewRunRefusesAnOldDirectory() {
        Experiment quick = Experiment.of(LOCAL, "xen-2010", true, null, null, null, Dilation.NONE);
        Path dir = tmp.resolve("r");
        RunSetup.open(dir, quick, "local", false);
        assertThatThrownBy(() -> RunSetup.open(dir, quick, "local", false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("already holds a run: give --resume to complete it, or another --out");
        Experiment other = Experiment.of(LOCAL, "linux", true, 3, null, null, Dilation.NONE);
        assertThatThrownBy(() -> RunSetup.open(dir, other, "local", true)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("was made with profile xen-2010, --reps 1: resume it with the options it was started with");
        assertThat(RunSetup.open(dir, quick, "local", true).measurements()).isEmpty();
        assertThatThrownBy(() -> RunSetup.open(tmp.resolve("none"), quick, "local", true)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nothing to resume in");
    }

    @Test
    void dilationSlowsEveryShapedHopAndTheLineRate() {
        var p = org.iovlab.testbed.profile.Profiles.load("xen-2010");
        var d = new Dilation(4);
        assertThat(d.apply(p).dom0().rate().orElseThrow().bitsPerSecond()).isEqualTo(p.dom0().rate().orElseThrow().bitsPerSecond() / 4);
        assertThat(d.apply(LOCAL).hosts().get(0).nic().lineRate().gbitPerSecond()).isEqualTo(2.5);
        assertThat(d.undilate(100)).isEqualTo(400);
        assertThatThrownBy(() -> new Dilation(0.5)).hasMessageContaining("from 1 to 1000");
        assertThat(Dilation.forRanks(16, 2).factor()).isEqualTo(8);
        assertThat(Dilation.forRanks(8, 16).factor()).isEqualTo(1);
    }
}
