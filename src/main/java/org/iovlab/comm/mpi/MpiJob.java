package org.iovlab.comm.mpi;

import org.iovlab.comm.JobOptions;
import org.iovlab.comm.RankProgram;

/** Runs a job's ranks on the mpi backend (being written). */
public final class MpiJob {
    private MpiJob() {}

    public static void run(int ranks, Class<? extends RankProgram> program, String[] args, JobOptions options) {
        throw new UnsupportedOperationException("the mpi backend is not written yet");
    }
}
