package org.iovlab.comm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iovlab.comm.mpi.MpiSetup;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need Open MPI: without it (or a build without -Dmpi.jar) they are skipped with
 * the reason printed, except where Open MPI is required (CI, or -Diovlab.mpi.required=true):
 * there they fail.
 */
public final class MpiRequired {
    private MpiRequired() {}

    public static void orSkip(String test) {
        List<String> missing = MpiSetup.find().problems();
        if (missing.isEmpty()) return;
        String why = "mpi backend unavailable: " + String.join("; ", missing);
        boolean required = Boolean.getBoolean("iovlab.mpi.required") || System.getenv("CI") != null;
        assertThat(required).as(why + " (required here: CI is set or -Diovlab.mpi.required=true)").isFalse();
        System.err.println("SKIPPED " + test + ": " + why);
        Assumptions.abort(why);
    }
}
