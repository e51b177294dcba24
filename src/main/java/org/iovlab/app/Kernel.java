package org.iovlab.app;

import java.util.List;
import java.util.Locale;

/**
 * Which loop the rank processes of a tcp or mpi job run; the bits are the same either way. The
 * Vector API loop is the fastest once compiled, but each JVM spends seconds compiling it (several
 * rank JVMs on few cores: most of a short run); the scalar loop is compiled within milliseconds.
 * Threads of an shm job run in the calling JVM, whose own modules decide.
 */
public enum Kernel {
    VECTOR, SCALAR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Kernel parse(String text) {
        for (Kernel k : values()) if (k.id().equals(text)) return k;
        throw new IllegalArgumentException("unknown kernel '" + text + "'; expected vector or scalar");
    }

    /** The options that give a rank JVM this kernel. */
    List<String> jvmArgs() {
        return this == VECTOR ? List.of("--add-modules", "jdk.incubator.vector") : List.of();
    }
}
