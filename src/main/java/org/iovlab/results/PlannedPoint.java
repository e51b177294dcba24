package org.iovlab.results;

import java.util.Map;

/** A point the run means to measure ({@code reps} times, see {@link RunInfo}): its name, kind, data path and labels. */
public record PlannedPoint(String point, String kind, String datapath, Map<String, String> labels) {

    public PlannedPoint {
        Measurement.checkPoint(point);
        Measurement.checkKind(kind);
        Measurement.checkDatapath(datapath);
        labels = Measurement.orderedCopy(labels, "labels");
    }
}
