package org.iovlab.comm;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mpi backend through Open MPI's Java bindings (the way it goes on JDK 21; on later JDKs it
 * calls libmpi directly, which {@link MpiConformanceTest} covers): messages with their exact
 * lengths, and a wrong length as a clear error. Skipped or failing without Open MPI as that test.
 */
class MpiBindingsTest {

    @BeforeAll
    static void needsOpenMpi() {
        MpiRequired.orSkip("MpiBindingsTest");
    }

    private static void run(int ranks, Class<? extends RankProgram> program) {
        Jobs.run(Backend.MPI, ranks, program, new String[0], JobOptions.defaults()
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30))
                .withJvmArgs(List.of("-Diovlab.mpi.calls=bindings")));
    }

    @Test
    void messagesArriveInOrderPerPairAndTagWithExactLengths() {
        run(3, ConformancePrograms.OrderAndLengths.class);
    }

    @Test
    void lengthMismatchIsAClearErrorNamingTheSender() {
        run(2, ConformancePrograms.LengthMismatch.class);
    }
}
