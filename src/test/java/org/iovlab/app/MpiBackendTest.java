package org.iovlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.iovlab.comm.Backend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The solver under mpirun equals the serial run bit for bit. Without Open MPI (or a build without
 * -Dmpi.jar) it is skipped with the reason printed, except where Open MPI is required (CI, or
 * -Diovlab.mpi.required=true): there it fails.
 */
class MpiBackendTest extends BackendsTest {

    @BeforeAll
    static void needsOpenMpi() {
        org.iovlab.comm.MpiRequired.orSkip("MpiBackendTest");
    }

    @Override
    void backendRunEqualsSerialBitForBit(Backend backend, String decomp, Scheme scheme, boolean overlap) {
        // Only the mpi cases below run in this class.
    }

    @org.junit.jupiter.api.Test
    void dryRunPrintsTheMpirunCommand() {
        var r = AdvectCliTest.cli("app", "advect", "--comm", "mpi", "--decomp", "2x2x1", "--grid", "24x20x18", "--dry-run");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("mpirun command: ", " -np 4 ", "--add-modules jdk.incubator.vector",
                "--program org.iovlab.app.AdvectProgram -- grid=24x20x18 decomp=2x2x1");
    }

    @ParameterizedTest(name = "mpi {0} {1} overlap={2}")
    @CsvSource({"2x2x1, UPWIND, false", "1x1x3, LAX_WENDROFF, true"})
    void mpiRunEqualsSerialBitForBit(String decomp, Scheme scheme, boolean overlap) throws IOException {
        Map<String, Object> report = job(Backend.MPI, decomp, scheme, overlap);
        assertThat(report.get("fieldChecksum")).isEqualTo(serialChecksum(scheme));
        assertThat(report).containsEntry("run", Map.of("comm", "mpi"));
    }
}
