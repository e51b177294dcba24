package org.iovlab.cli;

import java.io.PrintWriter;
import java.time.Duration;

import org.iovlab.reproduce.Reproduce;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a reproduce run: on a terminal a progress bar (the progressbar library) with the
 * current step and the time left; elsewhere (CI logs, pipes) one line per step, with the same
 * estimate; nothing with {@code --quiet} but failures.
 */
final class Progress implements Reproduce.Listener, AutoCloseable {
    private final boolean quiet;
    private final PrintWriter err;
    private final boolean terminal = stderrIsTerminal();
    private ProgressBar bar;
    private int total;
    private int done;
    private long started;

    Progress(boolean quiet, PrintWriter err) {
        this.quiet = quiet;
        this.err = err;
    }

    @Override
    public void planned(int tasks, int alreadyMeasured) {
        total = tasks;
        started = System.nanoTime();
        if (quiet) return;
        if (alreadyMeasured > 0) err.println("reproduce: " + alreadyMeasured + " measurement(s) already in the results, " + tasks + " to go");
        if (terminal && tasks > 0) {
            bar = new ProgressBarBuilder().setTaskName("reproduce").setInitialMax(tasks).setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err, 120)).setUpdateIntervalMillis(500).setMaxRenderedLength(120)
                    .build();
        }
    }

    @Override
    public void starting(String task) {
        if (quiet) return;
        if (bar != null) {
            bar.setExtraMessage(task);
        } else {
            err.printf("reproduce [%d/%d]%s %s%n", done + 1, total, eta(), task);
        }
    }

    @Override
    public void finished(String task, boolean ok) {
        done++;
        if (bar != null) bar.step();
    }

    @Override
    public void log(String line) {
        if (quiet && !line.startsWith("failed")) return;
        err.println((bar != null ? "\r" : "") + "reproduce: " + line);
    }

    /** Whether standard error is a terminal (Linux: where /proc/self/fd/2 points). */
    private static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The time left at the mean pace so far, as the bar shows it. */
    private String eta() {
        if (done == 0) return "";
        Duration left = Duration.ofNanos((System.nanoTime() - started) / done * (total - done));
        return String.format(" (about %d:%02d left)", left.toMinutes(), left.toSecondsPart());
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
