package org.iovlab.report;

import java.util.List;

import org.iovlab.bench.Estimate;

/**
 * A figure: series of points (each a mean with its CI and the records behind it), how to draw
 * them, what the paper says about its own version, the table of the same numbers, and notes.
 */
public record Figure(String id, String title, Kind kind, String xLabel, String yLabel, List<Series> series, List<String> paperSays,
        Table data, List<String> notes) {

    /** How the chart is drawn. */
    public enum Kind {
        /** Categories on x, one bar per series, 95% CI error bars. */
        GROUPED_BARS,
        /** Categories on x, series stacked (no error bars: the data table holds each part's CI). */
        STACKED_BARS,
        /** Numeric x, lines through the points, 95% CI error bars; a dashed line at y = 1 when {@code ratio}. */
        LINES,
        /** As LINES, for a ratio: a reference line at y = 1. */
        RATIO_LINES
    }

    /** One point: a category (bars) or an x (lines), the estimate, its records and whether any warned. */
    public record Point(String category, double x, Estimate y, List<String> recordIds, boolean warned) {
        public Point {
            recordIds = List.copyOf(recordIds);
        }
    }

    /** A series; points without an estimate (the value was not recorded) are left out. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = points.stream().filter(p -> p.y() != null).toList();
        }
    }

    public Figure {
        series = List.copyOf(series);
        paperSays = List.copyOf(paperSays);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return series.stream().allMatch(s -> s.points().isEmpty());
    }

    public boolean warned() {
        return series.stream().flatMap(s -> s.points().stream()).anyMatch(Point::warned);
    }
}
