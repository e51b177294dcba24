package org.iovlab.comm.mpi;

import java.time.Duration;
import java.util.Arrays;

import mpi.MPI;

import org.iovlab.comm.Jobs;
import org.iovlab.comm.RankExit;
import org.iovlab.comm.RankProgram;
import org.iovlab.comm.TransportComm;

/**
 * The entry point of one rank under mpirun: {@code [--read-timeout-ms D] --program CLASS -- ARGS}.
 * Needs Open MPI's mpi.jar on the classpath and libmpi_java.so on java.library.path.
 */
public final class MpiRankMain {
    private MpiRankMain() {}

    public static void main(String[] argv) throws Exception {
        Duration readTimeout = Duration.ofSeconds(120);
        String program = null;
        int i = 0;
        for (; i < argv.length && !argv[i].equals("--"); i++) {
            switch (argv[i]) {
                case "--read-timeout-ms" -> readTimeout = Duration.ofMillis(Long.parseLong(argv[++i]));
                case "--program" -> program = argv[++i];
                default -> {
                    System.err.println("mpi rank: unknown option " + argv[i]);
                    System.exit(RankExit.USAGE);
                }
            }
        }
        if (program == null) {
            System.err.println("mpi rank: need --program CLASS");
            System.exit(RankExit.USAGE);
        }
        String[] args = i < argv.length ? Arrays.copyOfRange(argv, i + 1, argv.length) : new String[0];
        MPI.Init(new String[0]);
        MpiTransport transport;
        try {
            transport = new MpiTransport(readTimeout);
        } catch (RuntimeException e) { // e.g. the direct calls cannot link to libmpi: say why, end the job
            int status = RankExit.report(MPI.COMM_WORLD.getRank(), e, System.err);
            System.err.flush();
            MPI.COMM_WORLD.abort(status);
            return;
        }
        int rank = transport.rank();
        try {
            RankProgram p = Jobs.instantiate(Jobs.programClass(program));
            p.run(new TransportComm(transport), args);
        } catch (Throwable e) {
            transport.end(RankExit.report(rank, e, System.err));
        }
        MPI.Finalize();
        System.exit(RankExit.OK);
    }
}
