package org.iovlab.comm;

/**
 * The code one rank runs. Backends that start ranks as separate processes (tcp, mpi) create
 * it by class name in each process, so an implementation needs a public no-argument
 * constructor and gets all its input from {@code args}.
 */
public interface RankProgram {
    void run(Comm comm, String[] args) throws Exception;
}
