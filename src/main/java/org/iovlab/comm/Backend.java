package org.iovlab.comm;

import java.util.Locale;

/** How the ranks of a job run and talk. */
public enum Backend {
    /** Ranks are threads of this JVM; messages are copied from the sender's buffer into the receiver's. */
    SHM,
    /** Ranks are JVM processes started by iovlab; messages go over TCP (Java NIO). */
    TCP,
    /** Ranks are JVM processes started by {@code mpirun}; messages go through Open MPI's Java bindings. */
    MPI;

    public static Backend parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown comm backend '" + text + "'; expected shm, tcp or mpi");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
