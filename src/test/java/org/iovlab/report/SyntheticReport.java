package org.iovlab.report;

import java.nio.file.Path;

import org.iovlab.results.ResultsDir;
import org.iovlab.results.SyntheticRun;

/** Writes a synthetic results directory (3 repetitions) and its report to the given directory, for a look at the page. */
public final class SyntheticReport {
    public static void main(String[] args) {
        ResultsDir dir = SyntheticRun.write(Path.of(args[0]), 3);
        System.out.print(Reports.write(dir));
    }
}
