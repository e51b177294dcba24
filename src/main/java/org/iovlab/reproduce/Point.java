package org.iovlab.reproduce;

import java.util.LinkedHashMap;
import java.util.Map;

import org.iovlab.placement.Dims;
import org.iovlab.scenario.DataPath;

/**
 * One measurement of an experiment, repeated {@code reps} times: a multi-pair stream test
 * (which yields an iovlab record and an iperf3 record) or one advection run.
 *
 * @param id what results records name it by (their {@code point}); stable across runs, for {@code --resume}
 * @param placement a placement pattern (advect only)
 * @param decomp the process grid (advect only)
 */
public record Point(String id, Kind kind, DataPath datapath, String placement, Dims decomp) {
    public enum Kind { STREAM, ADVECT }

    static Point stream(DataPath dp) {
        return new Point("stream/" + dp.id(), Kind.STREAM, dp, null, null);
    }

    static Point advect(DataPath dp, String placement, Dims decomp) {
        return new Point("advect/" + dp.id() + "/" + placement + "/" + decomp, Kind.ADVECT, dp, placement, decomp);
    }

    /** The iperf3 point a stream point also fills. */
    String iperf3Id() {
        return "iperf3/" + datapath.id();
    }

    /** The labels of this point's records (besides the experiment's shared ones). */
    Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        if (kind == Kind.STREAM) {
            m.put("pairs", "cross");
            return m;
        }
        m.put("placement", placement);
        m.put("decomp", decomp.toString());
        String axis = decomp.y() == 1 && decomp.z() == 1 ? "X" : decomp.x() == 1 && decomp.z() == 1 ? "Y"
                : decomp.x() == 1 && decomp.y() == 1 ? "Z" : "";
        if (decomp.volume() > 1 && !axis.isEmpty()) m.put("axis", axis);
        m.put("ranks", Long.toString(decomp.volume()));
        return m;
    }
}
