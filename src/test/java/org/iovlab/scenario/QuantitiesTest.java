package org.iovlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

    @ParameterizedTest
    @CsvSource({"10Gbit/s, 1e10", "10 Gbps, 1e10", "900Mbit/s, 9e8", "1250MiB/s, 10485760000", "125MBps, 1e9", "1GB/s, 8e9"})
    void bandwidthUnits(String text, double bitsPerSecond) {
        assertThat(Bandwidth.parse(text).bitsPerSecond()).isEqualTo(bitsPerSecond);
    }

    @Test
    void bandwidthRejectsMissingAndAmbiguousUnits() {
        assertThatThrownBy(() -> Bandwidth.parse("10")).hasMessageContaining("expected a rate with a unit");
        assertThatThrownBy(() -> Bandwidth.parse("10Mb/s")).hasMessageContaining("ambiguous unit");
        assertThatThrownBy(() -> Bandwidth.parse("10parsecs")).hasMessageContaining("unknown rate unit");
        assertThatThrownBy(() -> Bandwidth.parse("0Gbit/s")).hasMessageContaining("positive");
    }

    @Test
    void bandwidthPrintsShort() {
        assertThat(Bandwidth.parse("10Gbit/s")).hasToString("10Gbit/s");
        assertThat(Bandwidth.parse("2.5Gbps")).hasToString("2.5Gbit/s");
    }

    @Test
    void byteSizes() {
        assertThat(ByteSize.parse("1.5GiB").bytes()).isEqualTo(1536L << 20);
        assertThat(ByteSize.parse("2GB").bytes()).isEqualTo(2_000_000_000L);
        assertThat(ByteSize.parse("1536MiB")).hasToString("1.5GiB");
        assertThatThrownBy(() -> ByteSize.parse("1536")).hasMessageContaining("expected a size with a unit");
    }

    @Test
    void addressesAndNetworks() {
        Cidr net = Cidr.parse("198.18.0.0/24");
        assertThat(net.contains(Ipv4.parse("198.18.0.77"))).isTrue();
        assertThat(net.contains(Ipv4.parse("198.18.1.1"))).isFalse();
        assertThat(net.isUsableHost(Ipv4.parse("198.18.0.255"))).isFalse();
        assertThat(Cidr.BENCHMARKING.contains(net)).isTrue();
        assertThat(Cidr.BENCHMARKING.contains(Cidr.parse("198.20.0.0/24"))).isFalse();
        assertThatThrownBy(() -> Cidr.parse("198.18.0.1/24")).hasMessageContaining("host bits set");
        assertThatThrownBy(() -> Ipv4.parse("198.18.0.256")).hasMessageContaining("expected an IPv4 address");
    }

    @Test
    void derivedInterfaceNamesFitTheKernelLimit() {
        assertThat(Names.MAX_NODE_NAME).isEqualTo(8);
        assertThat(Names.interfaceName("ab", "abcdefgh", "-x")).hasSize(15);
        assertThat(Names.nodeNameProblem("node1")).isNull();
        assertThat(Names.nodeNameProblem("Node1")).contains("lower-case letters and digits");
        assertThat(Names.nodeNameProblem("abcdefghi")).contains("is 9 characters; at most 8 fit");
    }
}
