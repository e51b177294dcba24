package org.iovlab.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iovlab.scenario.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@link Measurement} and {@link RunInfo} to and from JSON; reading notes a {@link Problem} per bad field. */
final class RecordCodec {
    /** A tool's raw output may hold NaN; it is kept as JSON's common extension rather than lost. */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecordCodec() {}

    /** One line of records.jsonl, without the newline. */
    static String toLine(Measurement m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", m.id());
        o.put("point", m.point());
        o.put("rep", m.rep());
        o.put("kind", m.kind());
        o.put("datapath", m.datapath());
        ObjectNode labels = o.putObject("labels");
        m.labels().forEach(labels::put);
        ObjectNode values = o.putObject("values");
        m.values().forEach(values::put);
        ArrayNode pairs = o.putArray("perPair");
        for (PairRate p : m.perPair()) pairs.addObject().put("from", p.from()).put("to", p.to()).put("mibps", p.mibps());
        ArrayNode warnings = o.putArray("warnings");
        m.warnings().forEach(warnings::add);
        o.set("raw", m.raw());
        o.put("time", m.time().toString());
        return write(MAPPER, o);
    }

    /** Parses one line; null (with problems noted) when it is not a valid measurement. */
    static Measurement fromLine(String line, String source, int lineNo, List<Problem> problems) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            problems.add(new Problem(source, lineNo, col, "", "not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(new Problem(source, lineNo, 0, "", "expected one JSON object per line"));
            return null;
        }
        int before = problems.size();
        JsonFields f = new JsonFields(node, source, lineNo, problems);
        String id = f.text("id"), point = f.text("point"), kind = f.text("kind"), datapath = f.text("datapath");
        Integer rep = f.integer("rep");
        Map<String, String> labels = f.stringMap("labels");
        Map<String, Double> values = f.numberMap("values");
        List<PairRate> pairs = pairs(f);
        List<String> warnings = f.stringList("warnings");
        var time = f.instant("time");
        if (problems.size() > before) return null;
        try {
            return new Measurement(id, point, rep, kind, datapath, labels, values, pairs, warnings, node.get("raw"), time);
        } catch (IllegalArgumentException | NullPointerException e) {
            f.problem(fieldOf(e.getMessage()), e.getMessage());
            return null;
        }
    }

    private static List<PairRate> pairs(JsonFields f) {
        List<JsonNode> nodes = f.objects("perPair");
        if (nodes == null) return null;
        List<PairRate> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonFields p = f.nested(nodes.get(i));
            String from = p.text("from"), to = p.text("to");
            Double mibps = p.number("mibps");
            if (from == null || to == null || mibps == null) {
                f.problem("perPair[" + i + "]", "needs from, to and mibps");
                return null;
            }
            try {
                out.add(new PairRate(from, to, mibps));
            } catch (IllegalArgumentException e) {
                f.problem("perPair[" + i + "]", e.getMessage());
                return null;
            }
        }
        return out;
    }

    /** The record's validation messages start with the field they are about ("kind must be ..."). */
    private static String fieldOf(String message) {
        if (message == null) return "";
        String first = message.split("[ .]", 2)[0];
        return List.of("id", "point", "rep", "kind", "datapath", "values", "labels", "time").contains(first) ? first : "";
    }

    static byte[] runJson(RunInfo info) {
        ObjectNode o = PRETTY.createObjectNode();
        o.put("scenario", info.scenario());
        o.put("profile", info.profile());
        o.put("quick", info.quick());
        o.put("reps", info.reps());
        o.put("startedAt", info.startedAt().toString());
        o.put("iovlabVersion", info.iovlabVersion());
        o.put("gitCommit", info.gitCommit());
        o.set("machine", PRETTY.valueToTree(info.machine()));
        o.put("lineRateMiBps", info.lineRateMiBps());
        ArrayNode planned = o.putArray("planned");
        for (PlannedPoint p : info.planned()) {
            ObjectNode n = planned.addObject().put("point", p.point()).put("kind", p.kind()).put("datapath", p.datapath());
            ObjectNode labels = n.putObject("labels");
            p.labels().forEach(labels::put);
        }
        return (write(PRETTY, o) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static RunInfo runFrom(String text, String source, List<Problem> problems) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            problems.add(new Problem(source, line, col, "", "not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(new Problem(source, 1, 0, "", "expected a JSON object"));
            return null;
        }
        int before = problems.size();
        JsonFields f = new JsonFields(node, source, 0, problems);
        String scenario = f.text("scenario"), profile = f.optionalText("profile");
        Boolean quick = f.bool("quick");
        Integer reps = f.integer("reps");
        var startedAt = f.instant("startedAt");
        String version = f.optionalText("iovlabVersion"), commit = f.optionalText("gitCommit");
        Double lineRate = f.number("lineRateMiBps");
        List<JsonNode> plannedNodes = f.objects("planned");
        List<PlannedPoint> planned = new ArrayList<>();
        if (plannedNodes != null) {
            for (int i = 0; i < plannedNodes.size(); i++) {
                JsonFields p = f.nested(plannedNodes.get(i));
                String point = p.text("point"), kind = p.text("kind"), dp = p.text("datapath");
                Map<String, String> labels = p.stringMap("labels");
                if (point == null || kind == null || dp == null || labels == null) continue;
                try {
                    planned.add(new PlannedPoint(point, kind, dp, labels));
                } catch (IllegalArgumentException e) {
                    f.problem("planned[" + i + "]", e.getMessage());
                }
            }
        }
        JsonNode machine = node.get("machine");
        if (problems.size() > before) return null;
        try {
            return new RunInfo(scenario, profile, quick, reps, startedAt, version, commit,
                    machine == null || !machine.isObject() ? Map.of() : MAPPER.convertValue(machine, Map.class), lineRate, planned);
        } catch (IllegalArgumentException | NullPointerException e) {
            f.problem("", e.getMessage());
            return null;
        }
    }

    private static String write(ObjectMapper mapper, JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
