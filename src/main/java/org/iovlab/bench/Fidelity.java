package org.iovlab.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether something other than the data path limited a result: a saturated sender or
 * receiver thread (the benchmark itself CPU-bound), a saturated machine, or a shaped rate that
 * was exceeded or not reached. Each finding is a warning carried in tables and JSON.
 */
public final class Fidelity {
    private Fidelity() {}

    static final double SATURATED = 0.95;

    /**
     * @param shapedBytesPerSecond the rate the path is shaped to, or 0 when it is not shaped
     */
    public static List<String> check(List<StreamSample> samples, double machineBusy, double totalBytesPerSecond,
                                     double shapedBytesPerSecond) {
        List<String> w = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            StreamSample s = samples.get(i);
            if (s.senderCpuShare() >= SATURATED) {
                w.add(String.format("stream %d: sender thread CPU-bound (%.0f%% of a core): the benchmark may be the limit", i,
                        100 * s.senderCpuShare()));
            }
            if (s.receiverCpuShare() >= SATURATED) {
                w.add(String.format("stream %d: receiver thread CPU-bound (%.0f%% of a core): the benchmark may be the limit", i,
                        100 * s.receiverCpuShare()));
            }
        }
        if (machineBusy >= SATURATED) {
            w.add(String.format("machine CPU saturated (%.0f%% busy): CPU, not the data path, may be the bottleneck", 100 * machineBusy));
        }
        if (shapedBytesPerSecond > 0) {
            double ratio = totalBytesPerSecond / shapedBytesPerSecond;
            if (ratio > 1.05) w.add(String.format("%.0f%% of the shaped rate: the shaper let more through than configured", 100 * ratio));
            else if (ratio < 0.90 && machineBusy < SATURATED) {
                w.add(String.format("only %.0f%% of the shaped rate although CPUs were not saturated", 100 * ratio));
            }
        }
        return w;
    }
}
