package org.iovlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole machine's CPU use between two readings of /proc/stat: 1.0 = every core busy. */
final class MachineCpu {
    private final long busy, total;

    private MachineCpu(long busy, long total) {
        this.busy = busy;
        this.total = total;
    }

    static MachineCpu read() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) total += Long.parseLong(f[i]);
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new MachineCpu(total - idle, total);
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(0, 0);
        }
    }

    /** Busy share since {@code before}; NaN when /proc/stat could not be read. */
    double busySince(MachineCpu before) {
        long t = total - before.total;
        return t <= 0 ? Double.NaN : (double) (busy - before.busy) / t;
    }
}
