package org.iovlab.comm.tcp;

import org.iovlab.comm.JobOptions;
import org.iovlab.comm.RankProgram;

/** Runs a job's ranks on the tcp backend (being written). */
public final class TcpJob {
    private TcpJob() {}

    public static void run(int ranks, Class<? extends RankProgram> program, String[] args, JobOptions options) {
        throw new UnsupportedOperationException("the tcp backend is not written yet");
    }
}
