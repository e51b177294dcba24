package org.iovlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a {@link Figure} with JFreeChart into an inline SVG element ({@code <svg class="iovlab-chart"
 * id="chart-ID">}), error bars from each point's 95% CI, a {@value Format#WARN} on every point
 * (or category) built on a warned record.
 */
final class SvgCharts {
    static final String CSS_CLASS = "iovlab-chart";
    static final int WIDTH = 860, HEIGHT = 430;
    private static final Font FONT = new Font("SansSerif", Font.PLAIN, 12);
    private static final Map<String, Color> DATAPATH_COLORS = Map.of("NATIVE", new Color(0x44, 0x44, 0x44),
            "BRIDGED", new Color(0xd9, 0x5f, 0x02), "IOV", new Color(0x1b, 0x6c, 0xb0));
    private static final Color[] OTHER = {new Color(0x1b, 0x9e, 0x77), new Color(0x75, 0x70, 0xb3), new Color(0xe7, 0x29, 0x8a),
            new Color(0x66, 0xa6, 0x1e)};

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private SvgCharts() {}

    static String svg(Figure f) {
        JFreeChart chart = switch (f.kind()) {
            case GROUPED_BARS -> groupedBars(f);
            case STACKED_BARS -> stackedBars(f);
            case LINES, RATIO_LINES -> lines(f);
        };
        theme().apply(chart); // before the series' colours and strokes, which it would reset
        decorate(f, chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        if (chart.getPlot() instanceof CategoryPlot cp) {
            cp.setBackgroundPaint(Color.WHITE);
            cp.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        }
        if (chart.getPlot() instanceof XYPlot xp) {
            xp.setBackgroundPaint(Color.WHITE);
            xp.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            xp.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        }
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(f.id() + "-");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        String svg = g.getSVGElement("chart-" + f.id(), true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
        return svg.replaceFirst("<svg ", "<svg class=\"" + CSS_CLASS + "\" role=\"img\" aria-label=\"" + Html.escape(f.title()) + "\" ");
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("iovlab");
        t.setExtraLargeFont(FONT.deriveFont(Font.BOLD, 15f));
        t.setLargeFont(FONT.deriveFont(13f));
        t.setRegularFont(FONT);
        t.setSmallFont(FONT.deriveFont(11f));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        return t;
    }

    /** Category label per category, with the warning mark if any point in it is warned. */
    private static Map<String, String> categories(Figure f) {
        Map<String, String> cats = new LinkedHashMap<>();
        for (Figure.Series s : f.series()) for (Figure.Point p : s.points()) cats.putIfAbsent(p.category(), p.category());
        for (Figure.Series s : f.series())
            for (Figure.Point p : s.points()) if (p.warned()) cats.put(p.category(), p.category() + " " + Format.WARN);
        return cats;
    }

    private static JFreeChart groupedBars(Figure f) {
        Map<String, String> cats = categories(f);
        DefaultStatisticalCategoryDataset ds = new DefaultStatisticalCategoryDataset();
        for (Figure.Series s : f.series()) {
            for (Figure.Point p : s.points()) {
                double hw = p.y().halfWidth95();
                ds.add(p.y().mean(), Double.isFinite(hw) ? hw : 0, s.name(), cats.get(p.category()));
            }
        }
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setErrorIndicatorPaint(Color.BLACK);
        r.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(f.xLabel()), new NumberAxis(f.yLabel()), r);
        return new JFreeChart(null, FONT, plot, true);
    }

    private static JFreeChart stackedBars(Figure f) {
        Map<String, String> cats = categories(f);
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (Figure.Series s : f.series()) for (Figure.Point p : s.points()) ds.addValue(p.y().mean(), s.name(), cats.get(p.category()));
        StackedBarRenderer r = new StackedBarRenderer();
        CategoryAxis x = new CategoryAxis(f.xLabel());
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CategoryPlot plot = new CategoryPlot(ds, x, new NumberAxis(f.yLabel()), r);
        return new JFreeChart(null, FONT, plot, true);
    }

    private static JFreeChart lines(Figure f) {
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        for (Figure.Series s : f.series()) {
            YIntervalSeries ys = new YIntervalSeries(s.name());
            for (Figure.Point p : s.points()) {
                double hw = Double.isFinite(p.y().halfWidth95()) ? p.y().halfWidth95() : 0;
                ys.add(p.x(), p.y().mean(), p.y().mean() - hw, p.y().mean() + hw);
            }
            ds.addSeries(ys);
        }
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        r.setDrawXError(false);
        r.setErrorPaint(Color.BLACK);
        NumberAxis x = new NumberAxis(f.xLabel()), y = new NumberAxis(f.yLabel());
        XYPlot plot = new XYPlot(ds, x, y, r);
        if (f.kind() == Figure.Kind.RATIO_LINES) {
            ValueMarker one = new ValueMarker(1.0, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {4f, 4f}, 0f));
            one.setLabel("IOV = BRIDGED");
            one.setLabelFont(FONT.deriveFont(11f));
            one.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
            one.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(one);
            x.setRange(0, 105);
            y.setAutoRangeIncludesZero(false);
            label(plot, f.series().isEmpty() ? null : f.series().get(0));
        } else {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        for (Figure.Series s : f.series()) {
            for (Figure.Point p : s.points()) {
                if (!p.warned()) continue;
                XYTextAnnotation a = new XYTextAnnotation(Format.WARN, p.x(), p.y().mean());
                a.setFont(FONT.deriveFont(Font.BOLD, 14f));
                a.setPaint(new Color(0xb0, 0x60, 0x00));
                a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addAnnotation(a);
            }
        }
        return new JFreeChart(null, FONT, plot, true);
    }

    /** Data path series in fixed colours (NATIVE grey, BRIDGED orange, IOV blue); computation lines dashed; stacks dark and light. */
    private static void decorate(Figure f, JFreeChart chart) {
        if (chart.getPlot() instanceof CategoryPlot cp && cp.getRenderer() instanceof StackedBarRenderer r) {
            r.setSeriesPaint(0, new Color(0x3a, 0x3f, 0x58));
            r.setSeriesPaint(1, new Color(0xa9, 0xc4, 0xe4));
        } else if (chart.getPlot() instanceof CategoryPlot cp) {
            for (int i = 0; i < f.series().size(); i++) cp.getRenderer().setSeriesPaint(i, color(f.series().get(i).name(), i));
        } else if (chart.getPlot() instanceof XYPlot xp) {
            XYErrorRenderer r = (XYErrorRenderer) xp.getRenderer();
            for (int i = 0; i < f.series().size(); i++) {
                String name = f.series().get(i).name();
                r.setSeriesPaint(i, color(name, i));
                r.setSeriesStroke(i, name.startsWith("Computation")
                        ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                        : new BasicStroke(2f));
            }
            r.setErrorPaint(Color.BLACK);
        }
    }

    /** Names the placements beside the first series' points. */
    private static void label(XYPlot plot, Figure.Series s) {
        if (s == null) return;
        for (Figure.Point p : s.points()) {
            XYTextAnnotation a = new XYTextAnnotation(p.category(), p.x(), p.y().mean());
            a.setFont(FONT.deriveFont(10f));
            a.setPaint(Color.DARK_GRAY);
            a.setTextAnchor(TextAnchor.TOP_CENTER);
            plot.addAnnotation(a);
        }
    }

    private static Color color(String seriesName, int i) {
        for (var e : DATAPATH_COLORS.entrySet()) if (seriesName.endsWith(e.getKey())) return e.getValue();
        return OTHER[i % OTHER.length];
    }
}
