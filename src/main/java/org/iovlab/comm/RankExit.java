package org.iovlab.comm;

import java.io.PrintStream;

/**
 * How a rank process ends and tells its launcher why: an exit status and, on failure, one line
 * on stderr, {@code iovlab-rank-failure rank=R culprit=K: message}, that {@link RankProcesses} reads.
 */
public final class RankExit {
    public static final int OK = 0;
    /** This rank failed (its program threw, or it aborted the job). */
    public static final int FAILED = 1;
    /** This rank stopped because another rank failed (named in the failure line). */
    public static final int PEER_FAILED = 3;
    /** Bad arguments to the rank process. */
    public static final int USAGE = 2;
    public static final String MARK = "iovlab-rank-failure rank=";

    private RankExit() {}

    /** Reports {@code e} thrown by {@code rank}'s program; returns the exit status to use. */
    public static int report(int rank, Throwable e, PrintStream err) {
        int culprit = e instanceof CommException ce && ce.peer() >= 0 ? ce.peer() : rank;
        String message = e instanceof CommException ? e.getMessage() : "rank " + rank + " failed: " + e;
        if (culprit == rank) e.printStackTrace(err);
        err.println(MARK + rank + " culprit=" + culprit + ": " + message.replace('\n', ' '));
        err.flush();
        return culprit == rank ? FAILED : PEER_FAILED;
    }

    /** The text a program failure sends to the other ranks when it aborts the job. */
    public static String abortReason(int rank, Throwable e) {
        return "rank " + rank + " failed: " + e;
    }
}
