package org.iovlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iovlab.results.Measurement;
import org.iovlab.results.ResultsDir;
import org.iovlab.results.SyntheticRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    @TempDir Path tmp;

    @Test
    void everyTableAndFigureIsThereAndEveryNumberTracesToRecords() throws Exception {
        ResultsDir dir = SyntheticRun.write(tmp.resolve("run"), 3);
        ReportModel m = Reports.model(dir);
        assertThat(m.tables()).extracting(Table::id).containsExactly("table1", "table2", "table3");
        assertThat(m.figures()).extracting(Figure::id).containsExactly("fig2", "fig3a", "fig3b", "fig4");
        assertThat(m.figures()).allSatisfy(f -> assertThat(f.isEmpty()).isFalse());
        assertThat(m.notMeasured()).isEmpty();

        Set<String> ids = new HashSet<>(dir.measurements().stream().map(Measurement::id).toList());
        for (Table t : allTables(m)) {
            for (Table.Row r : t.rows()) {
                for (Cell c : r.cells()) {
                    boolean number = c.text().matches("[0-9]+\\.[0-9]+( ± [0-9.]+)?|[0-9]+%"); // a measured number, not a label such as a rank count
                    if (r.paper() || !number) continue;
                    assertThat(c.recordIds()).as(t.id() + " cell " + c.text()).isNotEmpty();
                    assertThat(ids).containsAll(c.recordIds());
                }
            }
        }
        for (Figure f : m.figures())
            for (Figure.Series s : f.series()) for (Figure.Point p : s.points()) assertThat(ids).containsAll(p.recordIds()).isNotNull();

        // Table 1 holds the paper's rows beside ours, with our NATIVE at 100%
        Table t1 = m.tables().get(0);
        assertThat(t1.rows()).filteredOn(Table.Row::paper).extracting(r -> r.cells().get(t1.header().indexOf("total")).text())
                .containsExactly("811.73", "425.97", "634.84");
        assertThat(t1.rows().get(0).cells().get(t1.header().indexOf("% of NATIVE")).text()).isEqualTo("100%");

        String html = Reports.write(dir) == null ? "" : Files.readString(dir.dir().resolve(Reports.HTML));
        assertThat(count(html, "<svg class=\"iovlab-chart\"")).isEqualTo(4);
        // self-contained: nothing fetched (xmlns="http://www.w3.org/2000/svg" is a name, not a resource)
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:|//)").doesNotContain("url(http", "<script", "<link", "<img");
        Matcher links = Pattern.compile("data-records=\"([^\"]+)\"").matcher(html);
        int n = 0;
        while (links.find()) {
            n++;
            for (String id : links.group(1).split(" ")) assertThat(html).contains("<tr id=\"" + Html.anchor(id) + "\"");
        }
        assertThat(n).isGreaterThan(100);
        assertThat(Files.readString(dir.dir().resolve(Reports.TEXT))).contains("Table 1.", "Table 2.", "Figure 2 data", "Figure 3 data",
                "Figure 4 data", "Conclusions");
        assertThat(dir.dir().resolve("csv/advect.csv")).exists();
    }

    @Test
    void aWarnedRecordIsMarkedInEveryTableAndChartThatUsesIt() throws Exception {
        ResultsDir dir = SyntheticRun.write(tmp.resolve("run"), 2); // stream-bridged#1 warns
        ReportModel m = Reports.model(dir);
        Table t1 = m.tables().get(0);
        assertThat(t1.warned()).isTrue();
        Table.Row bridged = t1.rows().get(1);
        assertThat(bridged.cells().get(0).text()).isEqualTo("BRIDGED");
        assertThat(bridged.cells().stream().filter(Cell::traced)).allMatch(Cell::warned);
        assertThat(t1.rows().get(2).cells()).noneMatch(Cell::warned); // IOV
        assertThat(m.tables().get(1).warned()).isFalse(); // iperf3 has no warning
        assertThat(m.conclusions()).anyMatch(c -> c.contains("1 record(s) carry fidelity warnings"));
        Reports.write(dir);
        String html = Files.readString(dir.dir().resolve(Reports.HTML));
        assertThat(html).contains("<tr id=\"" + Html.anchor("stream-bridged#1") + "\" class=\"warned\">", "sender CPU-bound: 98% busy");
        assertThat(html).containsPattern("class=\"num warned\" data-records=\"stream-bridged#1 stream-bridged#2\"[^>]*><a [^>]*>[^<]+</a> "
                + "<span class=\"warn\">\u26a0</span>");
        assertThat(Files.readString(dir.dir().resolve(Reports.TEXT))).contains("\u26a0");
    }

    @Test
    void aWarnedSolverPointIsMarkedOnItsChart() {
        ResultsDir dir = SyntheticRun.write(tmp.resolve("run"), 1, m -> m.point().equals("advect-iov-inter-8x1x1"));
        Measurement ok = SyntheticRun.all(1).stream().filter(m -> m.point().equals("advect-iov-inter-8x1x1")).findFirst().orElseThrow();
        dir.append(new Measurement(ok.id(), ok.point(), ok.rep(), ok.kind(), ok.datapath(), ok.labels(), ok.values(), ok.perPair(),
                List.of("rank 3 ran on a busy core"), ok.raw(), ok.time()));
        ReportModel m = Reports.model(dir);
        Figure fig2 = m.figures().get(0), fig4 = m.figures().get(3);
        assertThat(fig2.warned()).isTrue();
        assertThat(fig4.warned()).isTrue();
        assertThat(fig2.data().warned()).isTrue();
        assertThat(SvgCharts.svg(fig2)).contains("inter X \u26a0");
        assertThat(SvgCharts.svg(fig4)).contains("\u26a0");
        assertThat(m.figures().get(2).warned()).isTrue(); // fig 3(b): 8x1x1 IOV is the same point
    }

    @Test
    void aPartialRunRendersWhatExistsAndListsWhatIsMissing() throws Exception {
        ResultsDir dir = SyntheticRun.write(tmp.resolve("run"), 2, m -> m.kind().equals("iperf3") || m.datapath().equals("iov")
                || (m.rep() == 2 && m.point().equals("stream-native")));
        String text = Reports.write(dir);
        ReportModel m = Reports.model(dir);
        assertThat(m.notMeasured()).anyMatch(s -> s.startsWith("stream-native (stream, NATIVE, {pairs=cross}): 1 of 2 repetitions"))
                .anyMatch(s -> s.startsWith("iperf3-bridged")).anyMatch(s -> s.startsWith("advect-iov-inter-8x1x1"));
        assertThat(text).contains("not measured: iperf3-native", "Not measured (");
        assertThat(m.figures().get(3).isEmpty()).isTrue(); // no IOV, no speedup
        String html = Files.readString(dir.dir().resolve(Reports.HTML));
        assertThat(count(html, "<svg class=\"iovlab-chart\"")).isEqualTo(3);
        assertThat(html).contains("not measured: no records for this figure", "id=\"not-measured\"");

        ResultsDir empty = ResultsDir.create(tmp.resolve("empty"), SyntheticRun.info(1));
        assertThat(Reports.write(empty)).contains("not measured: stream-native", "The solver was not measured");
    }

    @Test
    void thePapersFindingsAreJudgedFromTheData() {
        // Two repetitions leave 95% intervals too wide to call a finding: the direction alone is reported.
        assertThat(Reports.model(SyntheticRun.write(tmp.resolve("two"), 2)).conclusions())
                .anyMatch(s -> s.startsWith("Holds in direction only, within the noise: IOV beats BRIDGED for the inter placement"));
        List<String> c = Reports.model(SyntheticRun.write(tmp.resolve("run"), 6)).conclusions();
        assertThat(c).anyMatch(s -> s.startsWith("Holds: IOV beats BRIDGED for the inter placement"))
                .anyMatch(s -> s.startsWith("Holds: BRIDGED is the better choice for the intra placement"))
                .anyMatch(s -> s.startsWith("inter (100% inter-host messages): NATIVE is fastest"))
                .anyMatch(s -> s.startsWith("Figure 4: IOV beats BRIDGED above 3"))
                .anyMatch(s -> s.startsWith("Communication (wait / total time"));

        // IOV made as slow as the bridge between hosts: the finding no longer holds, and the report says why
        ResultsDir dir = SyntheticRun.write(tmp.resolve("slow-iov"), 1, m -> m.datapath().equals("iov") && m.kind().equals("advect"));
        for (Measurement b : SyntheticRun.all(1)) {
            if (!b.datapath().equals("bridged") || !b.kind().equals("advect")) continue;
            var values = new java.util.LinkedHashMap<>(b.values());
            values.put("wallSeconds", b.value("wallSeconds") * 1.1);
            values.put("waitSeconds", b.value("waitSeconds") * 1.1);
            String point = b.point().replace("advect-bridged", "advect-iov");
            dir.append(Measurement.of(point, 1, "advect", "iov", b.labels(), values, List.of(), List.of(), null, b.time()));
        }
        assertThat(Reports.model(dir).conclusions()).anyMatch(s -> s.startsWith("Does not hold: IOV beats BRIDGED for the inter placement")
                && s.contains("Measured reason: communication wait is") && s.contains("inter-host"))
                .anyMatch(s -> s.startsWith("Figure 4: IOV never wins"));
    }

    private static List<Table> allTables(ReportModel m) {
        List<Table> out = new java.util.ArrayList<>(m.tables());
        m.figures().forEach(f -> out.add(f.data()));
        return out;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
