package org.iovlab.reproduce;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.iovlab.app.AdvectConfig;
import org.iovlab.app.AdvectRun;
import org.iovlab.app.Kernel;
import org.iovlab.app.Scheme;
import org.iovlab.bench.BenchFailure;
import org.iovlab.comm.Backend;
import org.iovlab.bench.Endpoint;
import org.iovlab.bench.PairMode;
import org.iovlab.bench.Repetitions;
import org.iovlab.bench.StreamBench;
import org.iovlab.bench.StreamReport;
import org.iovlab.launch.Launcher;
import org.iovlab.placement.MessageAccounting;
import org.iovlab.placement.MessageClass;
import org.iovlab.placement.Placement;
import org.iovlab.placement.PlacementSpec;
import org.iovlab.placement.Placer;
import org.iovlab.results.Measurement;
import org.iovlab.results.PairRate;
import org.iovlab.testbed.TestbedState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Measures one repetition of a point on its live testbed and turns what it gives into results records. */
final class Measure {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIB = 1 << 20;
    private static final int SEND_SIZE = 128 << 10;

    private Measure() {}

    /** The paper's multi-pair stream (cross pairs, all at once) with iperf3 on the same pairs, interleaved: two records. */
    static List<Measurement> stream(Experiment e, Point p, int rep, TestbedState tb, Consumer<String> log) throws BenchFailure {
        List<PairMode.Placed> endpoints = tb.endpoints().stream().map(n -> new PairMode.Placed(
                new Endpoint(n.name(), Launcher.argvPrefix(n), n.address().toString()), n.host())).toList();
        List<StreamBench.Pair> pairs = PairMode.CROSS.pairs(endpoints);
        var spec = new StreamBench.Spec(Duration.ofSeconds(e.streamSeconds()), SEND_SIZE, 0, new Repetitions(1, 1, 0.025), true, 0,
                Duration.ofSeconds(15));
        StreamReport r = StreamBench.run(pairs, spec, log);
        StreamReport.Rep once = r.reps().get(0);
        JsonNode raw = JSON.valueToTree(r.toJson());
        Map<String, String> labels = new LinkedHashMap<>(p.labels());
        labels.put("seconds", Integer.toString(e.streamSeconds()));
        labels.put("sendBytes", Integer.toString(SEND_SIZE));
        labels.put("dilation", e.dilation().label());
        Instant now = Instant.now();
        List<Measurement> out = new ArrayList<>();
        out.add(new Measurement(p.id() + "#" + rep, p.id(), rep, "stream", p.datapath().id(), labels,
                totals(e, once.totalBytesPerSecond()), rates(e, pairs, once.perPairBytesPerSecond()),
                once.warnings(), raw, now));
        if (once.iperf3BytesPerSecond() != null) {
            double[] ip = once.iperf3BytesPerSecond();
            double total = 0;
            for (double v : ip) total += v;
            out.add(new Measurement(p.iperf3Id() + "#" + rep, p.iperf3Id(), rep, "iperf3", p.datapath().id(), labels,
                    totals(e, total), rates(e, pairs, ip), List.of(), raw, now));
        }
        return out;
    }

    /** Rates as the modelled network carries them (undilated), and the total as measured on the dilated one. */
    private static Map<String, Double> totals(Experiment e, double bytesPerSecond) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("totalMiBps", e.dilation().undilate(bytesPerSecond) / MIB);
        m.put("measuredTotalMiBps", bytesPerSecond / MIB);
        return m;
    }

    private static List<PairRate> rates(Experiment e, List<StreamBench.Pair> pairs, double[] bytesPerSecond) {
        List<PairRate> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            out.add(new PairRate(pairs.get(i).sender().node(), pairs.get(i).receiver().node(),
                    e.dilation().undilate(bytesPerSecond[i]) / MIB));
        }
        return out;
    }

    /** The placement of an advect point on the experiment's scenario. */
    static Placement placement(Experiment e, Point p) {
        return Placer.place(e.scenario().withDatapath(p.datapath()), (int) p.decomp().volume(), PlacementSpec.parse(p.placement()));
    }

    /** One advection run with its tcp ranks inside the testbed's nodes: one record. */
    static Measurement advect(Experiment e, Point p, int rep, TestbedState tb) {
        AdvectConfig config = new AdvectConfig(e.grid(), p.decomp(), e.steps(), Scheme.UPWIND, false, 0.8);
        Placement placed = placement(e, p);
        Map<String, String> labels = new LinkedHashMap<>(p.labels());
        labels.putAll(e.solverLabels());
        Map<String, Object> report = AdvectRun.run(config, Backend.TCP, placed, tb, Map.of("point", p.id()), null, Kernel.SCALAR);
        MessageAccounting acc = MessageAccounting.upwind(e.grid(), p.decomp(), placed);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("wallSeconds", number(report.get("wallSeconds")));
        values.put("computeSeconds", meanOverRanks(report, "computeSeconds"));
        values.put("packSeconds", meanOverRanks(report, "packSeconds") + meanOverRanks(report, "unpackSeconds"));
        values.put("waitSeconds", meanOverRanks(report, "waitSeconds"));
        values.put("interHostShare", acc.interHostShare());
        values.put("interHostMessages", (double) acc.count(MessageClass.INTER_HOST));
        values.put("interVmMessages", (double) acc.count(MessageClass.INTER_VM));
        values.put("intraVmMessages", (double) acc.count(MessageClass.INTRA_VM));
        values.put("messagesPerStep", (double) acc.messages().size());
        values.put("bytesPerStep", (double) acc.totalBytes());
        return new Measurement(p.id() + "#" + rep, p.id(), rep, "advect", p.datapath().id(), labels, values, List.of(), List.of(),
                JSON.valueToTree(report), Instant.now());
    }

    @SuppressWarnings("unchecked")
    private static double meanOverRanks(Map<String, Object> report, String field) {
        List<Map<String, Object>> ranks = (List<Map<String, Object>>) report.get("ranks");
        double sum = 0;
        for (Map<String, Object> r : ranks) sum += number(((Map<String, Object>) r.get("totals")).get(field));
        return sum / ranks.size();
    }

    private static double number(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        throw new IllegalStateException("the advect report lacks a number where one was expected: " + o);
    }
}
