/**
 * Message passing for the solver: one {@link org.iovlab.comm.Comm} contract, written once
 * ({@link org.iovlab.comm.TransportComm}) over a narrow byte {@link org.iovlab.comm.Transport}
 * that each backend implements: {@code shm} (threads of this JVM, one copy from the sender's
 * buffer into the receiver's), {@code tcp} (a JVM process per rank, Java NIO, started by
 * iovlab with an optional per-rank command prefix such as {@code ip netns exec NS taskset -c N})
 * and {@code mpi} (a JVM per rank under {@code mpirun}, Open MPI's Java bindings; optional:
 * compiled with {@code -Dmpi.jar=PATH}, see {@link org.iovlab.comm.mpi.MpiSetup}).
 *
 * <p>Running a job:
 * <pre>{@code
 * Jobs.run(Backend.TCP, 4, MyProgram.class, args, JobOptions.defaults()
 *         .withRankPrefixes(prefixes)              // tcp: per rank, e.g. [ip, netns, exec, ns1, taskset, -c, 1]
 *         .withTcpPeers(addresses)                 // tcp: where each rank listens (else a rendezvous on loopback)
 *         .withRankStarted((rank, pid) -> ...)     // tcp: e.g. put the rank into its node's cgroups
 *         .withPlacement(placement));              // mpi: rankfile and hostfile
 * }</pre>
 * {@code MyProgram} is a public {@link org.iovlab.comm.RankProgram} with a public no-argument
 * constructor; every rank creates its own. {@code Jobs.run} returns when all ranks have
 * finished, or throws {@link org.iovlab.comm.JobFailedException} naming the rank at the root of
 * the failure (a crash, an abort, a SIGKILL), after every rank process has ended. The mpirun
 * command line for {@code --dry-run}: {@link org.iovlab.comm.mpi.MpirunCommand#printable()}.
 *
 * <p>Semantics for programs: see {@link org.iovlab.comm.Comm}. In short: tags in
 * {@code [0, Comm.TAG_LIMIT)}; use {@code sendrecv} or isend/irecv when two ranks send to each
 * other (a blocking send may wait for its receive); buffers from {@code allocate} move without
 * a copy; allreduce combines in rank order on rank 0, so every rank and backend gets the same bits.
 */
package org.iovlab.comm;
