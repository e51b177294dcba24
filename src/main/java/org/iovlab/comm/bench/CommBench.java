package org.iovlab.comm.bench;

import java.util.Arrays;
import java.util.List;

import org.iovlab.comm.Backend;
import org.iovlab.comm.JobOptions;
import org.iovlab.comm.Jobs;

/**
 * Runs {@link PingPong} on two ranks of one backend:
 * {@code CommBench shm|tcp|mpi [--mpirun-arg ARG]... -- LABEL TRIALS SIZE:ITERS...}.
 */
public final class CommBench {
    private CommBench() {}

    public static void main(String[] argv) {
        int dash = Arrays.asList(argv).indexOf("--");
        if (argv.length < 1 || dash < 1) {
            System.err.println("usage: CommBench shm|tcp|mpi [--mpirun-arg ARG]... -- LABEL TRIALS SIZE:ITERS...");
            System.exit(2);
        }
        Backend backend = Backend.parse(argv[0]);
        List<String> mpirun = new java.util.ArrayList<>();
        for (int i = 1; i < dash; i++) {
            if (argv[i].equals("--mpirun-arg") && i + 1 < dash) mpirun.add(argv[++i]);
            else throw new IllegalArgumentException("unknown option " + argv[i]);
        }
        Jobs.run(backend, 2, PingPong.class, Arrays.copyOfRange(argv, dash + 1, argv.length),
                JobOptions.defaults().withMpirunArgs(mpirun));
    }
}
