package org.iovlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iovlab.report.Reports;
import org.iovlab.results.ResultsDir;
import org.iovlab.results.SyntheticRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCliTest {
    @TempDir Path tmp;

    @Test
    void rebuildsTheReportAndPrintsTheTables() throws Exception {
        Path dir = tmp.resolve("run");
        SyntheticRun.write(dir, 2);
        Cli r = Cli.run("report", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Table 1.", "Table 2.", "Figure 4 data", "Conclusions", "report: " + dir.resolve(Reports.HTML));
        assertThat(dir.resolve(Reports.HTML)).exists();
        assertThat(dir.resolve(Reports.TEXT)).exists();
        assertThat(dir.resolve("csv/stream.csv")).exists();

        Cli quiet = Cli.run("report", dir.toString(), "--quiet");
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.out().strip()).isEqualTo("report: " + dir.resolve(Reports.HTML) + " and " + dir.resolve(Reports.TEXT));
    }

    @Test
    void aCorruptedRecordGivesFileLineAndExit2() throws Exception {
        Path dir = tmp.resolve("run");
        SyntheticRun.write(dir, 1);
        Path records = dir.resolve(ResultsDir.RECORDS);
        List<String> lines = Files.readAllLines(records);
        lines.set(6, lines.get(6).replace("\"rep\":1", "\"rep\":\"one\""));
        Files.write(records, lines);
        Cli r = Cli.run("report", dir.toString());
        assertThat(r.exitCode()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("iovlab: 1 error:", records + ":7:0: rep: expected an integer, found \"one\"").doesNotContain("Exception");
        assertThat(dir.resolve(Reports.HTML)).doesNotExist();
    }

    @Test
    void hasHelp() {
        Cli r = Cli.run("report", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: iovlab report").contains("DIR", "--quiet");
    }

    @Test
    void aDirectoryThatIsNoResultsIsAUsageError() {
        Cli r = Cli.run("report", tmp.resolve("nothing").toString());
        assertThat(r.exitCode()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no such results directory");
        Cli empty = Cli.run("report", tmp.toString());
        assertThat(empty.exitCode()).isEqualTo(Main.USAGE);
        assertThat(empty.err()).contains("run.json: missing: not a results directory");
    }
}
