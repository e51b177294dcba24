package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iovlab.comm.Backend;
import org.iovlab.comm.JobOptions;
import org.iovlab.comm.Jobs;
import org.iovlab.placement.Dims;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On the real backends, started as a job of {@link AdvectProgram} the way the CLI starts it, the
 * final field equals the serial run's bit for bit, judged from outside by the report's
 * {@code fieldChecksum}.
 */
class BackendsTest {
    private static final Dims GRID = Dims.parse("24x20x18");
    private static final int STEPS = 5;

    @TempDir Path dir;

    static String serialChecksum(Scheme scheme) {
        AdvectConfig c = new AdvectConfig(GRID, new Dims(1, 1, 1), STEPS, scheme, false, AdvectConfig.DEFAULT_CFL);
        return ThreadComm.run(1, comm -> AdvectResult.run(comm, c, new ScalarStencil())).get(0).orElseThrow().summary().checksumHex();
    }

    Map<String, Object> job(Backend backend, String decomp, Scheme scheme, boolean overlap) throws IOException {
        AdvectConfig c = new AdvectConfig(GRID, Dims.parse(decomp), STEPS, scheme, overlap, AdvectConfig.DEFAULT_CFL);
        Path json = dir.resolve(backend.label() + "-" + decomp + "-" + scheme + ".json");
        List<String> args = new ArrayList<>(c.toArgs());
        args.add("json=" + json);
        args.add("print=false");
        args.add("comm=" + backend.label());
        Jobs.run(backend, c.ranks(), AdvectProgram.class, args.toArray(String[]::new),
                JobOptions.defaults().withJvmArgs(List.of("--add-modules", "jdk.incubator.vector")));
        return AdvectReport.read(json);
    }

    @ParameterizedTest(name = "{0} {1} {2} overlap={3}")
    @CsvSource({
            "SHM, 4x1x1, UPWIND, false", "SHM, 1x4x1, UPWIND, false", "SHM, 1x1x4, UPWIND, true",
            "SHM, 2x2x1, UPWIND, false", "SHM, 2x2x2, UPWIND, true", "SHM, 3x1x1, UPWIND, false",
            "SHM, 5x3x1, LAX_WENDROFF, false", "SHM, 2x2x2, LAX_WENDROFF, true", "SHM, 1x3x1, LAX_WENDROFF, false",
            "TCP, 3x1x1, UPWIND, false", "TCP, 2x2x1, LAX_WENDROFF, true", "TCP, 1x1x3, UPWIND, true"})
    void backendRunEqualsSerialBitForBit(Backend backend, String decomp, Scheme scheme, boolean overlap) throws IOException {
        Map<String, Object> report = job(backend, decomp, scheme, overlap);
        assertThat(report.get("fieldChecksum")).isEqualTo(serialChecksum(scheme));
        assertThat(report).containsEntry("run", Map.of("comm", backend.label()));
        assertThat((List<?>) report.get("ranks")).hasSize((int) Dims.parse(decomp).volume());
    }
}
