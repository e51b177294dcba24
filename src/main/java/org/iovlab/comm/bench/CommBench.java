package org.iovlab.comm.bench;

import java.util.Arrays;
import java.util.List;

import org.iovlab.comm.Backend;
import org.iovlab.comm.JobOptions;
import org.iovlab.comm.Jobs;

/**
 * Runs {@link PingPong} on two ranks of one backend:
 * {@code CommBench shm|tcp|mpi [--bind] [--mpirun-arg ARG]... -- LABEL TRIALS SIZE:ITERS...}.
 * {@code --bind} pins tcp rank r to CPU r (with {@code taskset}, through the per-rank command
 * prefix), as mpirun binds each rank to a core by default.
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
        JobOptions options = JobOptions.defaults();
        for (int i = 1; i < dash; i++) {
            if (argv[i].equals("--mpirun-arg") && i + 1 < dash) mpirun.add(argv[++i]);
            else if (argv[i].equals("--bind")) options = options.withRankPrefixes(bindings(2));
            else throw new IllegalArgumentException("unknown option " + argv[i]);
        }
        Jobs.run(backend, 2, PingPong.class, Arrays.copyOfRange(argv, dash + 1, argv.length), options.withMpirunArgs(mpirun));
    }

    private static List<List<String>> bindings(int ranks) {
        int cpus = Runtime.getRuntime().availableProcessors();
        return java.util.stream.IntStream.range(0, ranks)
                .mapToObj(r -> List.of("taskset", "-c", Integer.toString(r % cpus))).toList();
    }
}
