package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.iovlab.placement.Dims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decomposed run equals the serial run bit for bit (in-test thread communicator). */
class AdvectionTest {
    private static final Dims GRID = Dims.parse("24x20x18");

    static AdvectResult run(String decomp, Scheme scheme, boolean overlap, Stencil stencil, int steps) {
        AdvectConfig c = new AdvectConfig(GRID, Dims.parse(decomp), steps, scheme, overlap, AdvectConfig.DEFAULT_CFL);
        List<Optional<AdvectResult>> all = ThreadComm.run(c.ranks(), comm -> AdvectResult.run(comm, c, stencil));
        return all.get(0).orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1} overlap={2}")
    @CsvSource({
            "4x1x1, UPWIND, false", "1x4x1, UPWIND, false", "1x1x4, UPWIND, false", "2x2x1, UPWIND, false",
            "2x2x2, UPWIND, false", "3x1x1, UPWIND, false", "5x3x1, UPWIND, true", "2x2x2, UPWIND, true",
            "4x1x1, LAX_WENDROFF, false", "1x4x1, LAX_WENDROFF, false", "1x1x4, LAX_WENDROFF, false",
            "2x2x1, LAX_WENDROFF, false", "2x2x2, LAX_WENDROFF, true", "3x1x1, LAX_WENDROFF, false",
            "5x3x7, LAX_WENDROFF, true", "24x1x1, UPWIND, true"})
    void decomposedEqualsSerialBitForBit(String decomp, Scheme scheme, boolean overlap) {
        AdvectResult serial = run("1x1x1", scheme, false, new ScalarStencil(), 6);
        AdvectResult parallel = run(decomp, scheme, overlap, Stencil.best(), 6);
        assertThat(parallel.summary().checksumHex()).isEqualTo(serial.summary().checksumHex());
        assertThat(parallel.summary().l2Error()).isCloseTo(serial.summary().l2Error(), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(parallel.timers()).hasSize(parallel.config().ranks());
    }
}
