package org.iovlab.comm;

import java.util.Objects;

import org.iovlab.comm.mpi.MpiJob;
import org.iovlab.comm.shm.ShmJob;
import org.iovlab.comm.tcp.TcpJob;

/** Runs a {@link RankProgram} on every rank of a job and returns when all have finished. */
public final class Jobs {
    private Jobs() {}

    /**
     * Runs {@code program} on {@code ranks} ranks of {@code backend}.
     *
     * @throws JobFailedException naming the rank that failed first, after every rank has ended
     *     (processes of a failed job are killed; none outlive this call)
     * @throws IllegalArgumentException for bad arguments, before anything starts
     */
    public static void run(Backend backend, int ranks, Class<? extends RankProgram> program, String[] args,
                           JobOptions options) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(options, "options");
        if (ranks < 1) throw new IllegalArgumentException("a job needs at least 1 rank, got " + ranks);
        options.check(ranks);
        checkProgram(program);
        switch (backend) {
            case SHM -> ShmJob.run(ranks, program, args, options);
            case TCP -> TcpJob.run(ranks, program, args, options);
            case MPI -> MpiJob.run(ranks, program, args, options);
        }
    }

    /** A new instance of {@code program}, as every rank makes it. */
    public static RankProgram instantiate(Class<? extends RankProgram> program) {
        try {
            return program.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create rank program " + program.getName()
                    + ": it needs a public no-argument constructor (" + e + ")", e);
        }
    }

    /** Loads a rank program by name, as rank processes do. */
    public static Class<? extends RankProgram> programClass(String name) {
        try {
            return Class.forName(name).asSubclass(RankProgram.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("rank program class " + name + " is not on the classpath", e);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(name + " does not implement " + RankProgram.class.getName(), e);
        }
    }

    private static void checkProgram(Class<? extends RankProgram> program) {
        if (!java.lang.reflect.Modifier.isPublic(program.getModifiers())) {
            throw new IllegalArgumentException("rank program " + program.getName() + " must be a public class");
        }
        try {
            program.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("rank program " + program.getName() + " needs a public no-argument constructor");
        }
    }
}
