package org.iovlab.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.iovlab.results.AtomicFiles;
import org.iovlab.results.PlannedPoint;
import org.iovlab.results.ResultsDir;

/**
 * The report of a results directory: {@link #model} computes what it says; {@link #write}
 * rewrites the CSVs, {@code report.html} and {@code report.txt} there and returns the text.
 * A partial run renders whatever exists and lists what was not measured.
 */
public final class Reports {
    public static final String HTML = "report.html";
    public static final String TEXT = "report.txt";

    private Reports() {}

    public static ReportModel model(ResultsDir dir) {
        List<PointStats> points = PointStats.of(dir.measurements());
        AdvectData advect = new AdvectData(points);
        List<Table> tables = new ArrayList<>();
        tables.add(BandwidthTables.table("stream", points, dir.info().lineRateMiBps()));
        tables.add(BandwidthTables.table("iperf3", points, dir.info().lineRateMiBps()));
        Object cores = dir.info().machine().get("cores");
        Conclusions conclusions = new Conclusions(advect, points, cores instanceof Number n ? n.intValue() : 0);
        if (!advect.isEmpty()) tables.add(conclusions.commTable());
        List<Figure> figures = List.of(ExecutionFigures.fig2(advect), ExecutionFigures.fig3a(advect), ExecutionFigures.fig3b(advect),
                SpeedupFigure.fig4(advect));
        List<String> notMeasured = new ArrayList<>();
        for (PlannedPoint p : dir.missing()) {
            notMeasured.add(p.point() + " (" + p.kind() + ", " + Format.dp(p.datapath()) + (p.labels().isEmpty() ? "" : ", " + p.labels())
                    + "): " + dir.count(p.point()) + " of " + dir.info().reps() + " repetitions");
        }
        return new ReportModel(dir.info(), tables, figures, conclusions.sentences(), notMeasured, dir.measurements());
    }

    /** Exports the CSVs, writes report.html and report.txt (atomically) and returns the text. */
    public static String write(ResultsDir dir) {
        dir.exportCsv();
        ReportModel model = model(dir);
        String text = TextReport.render(model);
        AtomicFiles.write(dir.dir().resolve(HTML), HtmlReport.render(model).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.dir().resolve(TEXT), text.getBytes(StandardCharsets.UTF_8));
        return text;
    }
}
