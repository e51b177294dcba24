package org.iovlab.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.iovlab.report.Reports;
import org.iovlab.results.ResultsDir;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iovlab report DIR}: rebuilds report.html, report.txt and the CSVs of a results directory; prints the text. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuild a results directory's report: report.html (self-contained, charts as inline SVG), report.txt and csv/*.csv;"
                + " print the tables.", "A malformed results directory is reported with file and line (exit 2)."})
final class ReportCommand implements Runnable {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "DIR", description = "A results directory (holds run.json and records.jsonl).") Path dir;
    @Option(names = "--quiet", description = "Print only where the report was written.") boolean quiet;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        String text;
        try {
            text = Reports.write(ResultsDir.open(dir));
        } catch (UncheckedIOException e) {
            throw new RunFailedException(e.getMessage(), e);
        }
        if (!quiet) out.print(text);
        out.println("report: " + dir.resolve(Reports.HTML) + " and " + dir.resolve(Reports.TEXT));
    }
}
