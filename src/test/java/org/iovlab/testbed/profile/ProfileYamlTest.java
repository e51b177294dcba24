package org.iovlab.testbed.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.iovlab.scenario.ConfigException;
import org.junit.jupiter.api.Test;

class ProfileYamlTest {
    @Test
    void builtInsRead() {
        Profile linux = Profiles.load("linux");
        assertThat(linux.nic()).isEqualTo(Hop.NONE);
        assertThat(linux.vf().shapes()).isFalse();
        Profile xen = Profiles.load("xen-2010");
        assertThat(xen.dom0().rate().orElseThrow().gbitPerSecond()).isEqualTo(3.9);
        assertThat(ProfileYaml.latency("15us")).isEqualTo(Duration.ofNanos(15_000));
        assertThat(xen.eswitch().rate().orElseThrow().compareTo(xen.dom0().rate().orElseThrow())).isPositive();
    }

    @Test
    void everyErrorHasItsLineAndField() {
        assertThatThrownBy(() -> ProfileYaml.read("p.yaml", """
                name: bad
                nic:
                  rate: fast
                vif:
                  latency: 3 parsecs
                  colour: red
                """)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Object::toString).containsExactly(
                        "p.yaml:3:9: nic.rate: expected a rate with a unit, e.g. 10Gbit/s, 900Mbit/s or 1250MiB/s, got 'fast'",
                        "p.yaml:5:12: vif.latency: expected a latency with a unit (ns, us, ms, s), e.g. 20us, got '3 parsecs'",
                        "p.yaml:6:3: vif.colour: unknown key 'colour'; expected one of: rate, latency"));
        assertThatThrownBy(() -> Profiles.load("nope")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no built-in profile and no file named 'nope' (built in: linux, xen-2010)");
    }

    @Test
    void hopCapsAtLineRate() {
        Hop h = new Hop(java.util.Optional.of(org.iovlab.scenario.Bandwidth.gbitPerSecond(20)), Duration.ZERO);
        assertThat(h.cappedAt(org.iovlab.scenario.Bandwidth.gbitPerSecond(10)).rate().orElseThrow().gbitPerSecond()).isEqualTo(10.0);
        assertThat(Hop.NONE.cappedAt(org.iovlab.scenario.Bandwidth.gbitPerSecond(10)).rate().orElseThrow().gbitPerSecond()).isEqualTo(10.0);
    }
}
