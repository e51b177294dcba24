package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.iovlab.placement.Dims;
import org.iovlab.scenario.ConfigException;
import org.junit.jupiter.api.Test;

class AdvectConfigTest {

    @Test
    void roundTripsThroughRankArguments() {
        AdvectConfig c = new AdvectConfig(Dims.parse("24x20x18"), Dims.parse("3x2x1"), 7, Scheme.LAX_WENDROFF, true, 0.6);
        Map<String, String> rest = new HashMap<>();
        var args = new java.util.ArrayList<>(c.toArgs());
        args.add("json=/tmp/x.json");
        assertThat(AdvectConfig.parse(args.toArray(String[]::new), rest)).isEqualTo(c);
        assertThat(rest).containsExactly(Map.entry("json", "/tmp/x.json"));
    }

    @Test
    void aBlockMustFitOneJavaArray() {
        assertThatThrownBy(() -> new AdvectConfig(Dims.parse("2048x2048x1024"), Dims.parse("2x1x1"), 1, Scheme.UPWIND, false, 0.5))
                .isInstanceOf(ConfigException.class).hasMessageContaining("more than one Java array holds");
        assertThat(new AdvectConfig(Dims.parse("2048x2048x1024"), Dims.parse("4x1x1"), 1, Scheme.UPWIND, false, 0.5).ranks()).isEqualTo(4);
    }

    @Test
    void collectsEveryProblem() {
        assertThatThrownBy(() -> new AdvectConfig(Dims.parse("4x20x18"), Dims.parse("5x1x1"), 0, Scheme.UPWIND, false, 1.5))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3))
                .hasMessageContaining("need at least one step, got 0")
                .hasMessageContaining("Courant number must be in (0, 1], got 1.5")
                .hasMessageContaining("axis X: 4 cells cannot be split over 5 processes");
    }
}
