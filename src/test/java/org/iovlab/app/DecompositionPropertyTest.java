package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.iovlab.placement.Dims;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Any decomposition of any small grid, either scheme, with or without overlap, equals the serial run. */
class DecompositionPropertyTest {

    @Property(tries = 40)
    void anyDecompositionEqualsSerial(@ForAll @IntRange(min = 3, max = 13) int nx, @ForAll @IntRange(min = 3, max = 13) int ny,
                                      @ForAll @IntRange(min = 3, max = 13) int nz, @ForAll @IntRange(min = 1, max = 3) int px,
                                      @ForAll @IntRange(min = 1, max = 3) int py, @ForAll @IntRange(min = 1, max = 3) int pz,
                                      @ForAll Scheme scheme, @ForAll boolean overlap) {
        Dims grid = new Dims(nx, ny, nz);
        AdvectConfig serial = new AdvectConfig(grid, new Dims(1, 1, 1), 3, scheme, false, 0.9);
        AdvectConfig split = new AdvectConfig(grid, new Dims(px, py, pz), 3, scheme, overlap, 0.9);
        String expected = ThreadComm.run(1, c -> AdvectResult.run(c, serial, new ScalarStencil())).get(0).orElseThrow().summary().checksumHex();
        String actual = ThreadComm.run(split.ranks(), c -> AdvectResult.run(c, split, Stencil.best())).get(0).orElseThrow().summary().checksumHex();
        assertThat(actual).isEqualTo(expected);
    }
}
