package org.iovlab.comm;

import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite under mpirun. Without Open MPI (or a build without -Dmpi.jar) it is
 * skipped with the reason printed, except where Open MPI is required (CI, or
 * -Diovlab.mpi.required=true): there it fails.
 */
class MpiConformanceTest extends ConformanceSuite {

    @BeforeAll
    static void needsOpenMpi() {
        org.iovlab.comm.MpiRequired.orSkip("MpiConformanceTest");
    }

    @Override
    Backend backend() {
        return Backend.MPI;
    }
}
