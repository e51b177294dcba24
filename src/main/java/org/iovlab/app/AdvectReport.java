package org.iovlab.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A result as JSON (full configuration, machine, version, checksum, timers) and as one text summary. */
public final class AdvectReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AdvectReport() {}

    /** {@code run}: how it was started (backend, scenario, placement, ...), copied as given. */
    public static Map<String, Object> toMap(AdvectResult r, Map<String, String> run) {
        AdvectConfig c = r.config();
        Physics p = c.physics();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "advect");
        m.put("iovlab", BuildInfo.version());
        m.put("finishedAt", java.time.Instant.now().toString());
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("grid", c.grid().toString());
        cfg.put("decomposition", c.procs().toString());
        cfg.put("ranks", c.ranks());
        cfg.put("steps", c.steps());
        cfg.put("scheme", c.scheme().id());
        cfg.put("overlap", c.overlap());
        cfg.put("cfl", c.cfl());
        cfg.put("dt", p.dt());
        cfg.put("courant", List.of(p.cx(), p.cy(), p.cz()));
        cfg.put("velocity", List.of(Physics.AX, Physics.AY, Physics.AZ));
        cfg.put("pulse", Map.of("center", Physics.CENTER, "sigma", Physics.SIGMA));
        cfg.put("boundaries", "exact solution in the ghost cells of every domain face (exact inflow; Dirichlet outflow for lw)");
        m.put("config", cfg);
        m.put("run", new LinkedHashMap<>(run));
        m.put("machine", BuildInfo.machine());
        m.put("stencil", r.stencil());
        m.put("fieldChecksum", r.summary().checksumHex());
        m.put("mass", r.summary().mass());
        m.put("l2Error", r.summary().l2Error());
        m.put("wallSeconds", r.wallSeconds());
        m.put("mcellsPerSecond", r.mcellsPerSecond());
        Map<String, Object> totals = new LinkedHashMap<>();
        for (int ph = 0; ph < Timers.PHASES; ph++) totals.put(Timers.NAMES[ph] + "Seconds", r.seconds(ph));
        m.put("totalsOverRanks", totals);
        m.put("overlap", overlap(r));
        List<Object> ranks = new ArrayList<>();
        for (int rank = 0; rank < r.timers().size(); rank++) {
            ranks.add(rank(rank, r.cells().get(rank), r.netns().get(rank), r.timers().get(rank)));
        }
        m.put("ranks", ranks);
        return m;
    }

    /**
     * With {@code --overlap}: how long ranks computed while halos were in flight and how long they
     * still waited. The communication hidden is the wait of the same run without {@code --overlap}
     * minus this wait (compare two runs, as {@code scripts/bench/kernel-overlap.sh} does).
     */
    private static Map<String, Object> overlap(AdvectResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("enabled", r.config().overlap());
        o.put("overlappedComputeSeconds", r.seconds(Timers.OVERLAPPED));
        o.put("exposedWaitSeconds", r.seconds(Timers.WAIT));
        return o;
    }

    private static Map<String, Object> rank(int rank, long cells, long netns, Timers t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank);
        m.put("cells", cells);
        m.put("netns", netns);
        Map<String, Object> totals = new LinkedHashMap<>(), perStep = new LinkedHashMap<>();
        for (int ph = 0; ph < Timers.PHASES; ph++) {
            totals.put(Timers.NAMES[ph] + "Seconds", t.total(ph) / 1e9);
            double[] s = new double[t.steps()];
            for (int i = 0; i < s.length; i++) s[i] = t.nanos(ph, i) / 1e9;
            perStep.put(Timers.NAMES[ph] + "Seconds", s);
        }
        m.put("totals", totals);
        m.put("perStep", perStep);
        return m;
    }

    public static String json(Map<String, Object> map) {
        try {
            return MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Writes {@code text} to {@code file} atomically: a temporary file beside it, then a rename. */
    public static void writeAtomically(Path file, String text) {
        org.iovlab.results.AtomicFiles.write(file, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a report written by {@link #writeAtomically}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), LinkedHashMap.class);
    }

    /** The terminal summary of a report read back from JSON (how the CLI shows any backend's run). */
    @SuppressWarnings("unchecked")
    public static String textSummary(Map<String, Object> m) {
        Map<String, Object> c = (Map<String, Object>) m.get("config"), t = (Map<String, Object>) m.get("totalsOverRanks");
        Map<String, Object> run = (Map<String, Object>) m.get("run");
        return String.format("advect %s on %s: grid %s, decomposition %s, %s steps%s, kernel %s%n"
                        + "  wall %.3f s, %.1f Mcells/s%n"
                        + "  summed over ranks: compute %.3f s, pack %.3f s, unpack %.3f s, wait %.3f s%s%n"
                        + "  mass %.12g, L2 error %.4e%n  fieldChecksum %s",
                c.get("scheme"), run.get("comm"), c.get("grid"), c.get("decomposition"), c.get("steps"),
                Boolean.TRUE.equals(c.get("overlap")) ? ", overlap" : "", m.get("stencil"),
                num(m, "wallSeconds"), num(m, "mcellsPerSecond"), num(t, "computeSeconds"), num(t, "packSeconds"),
                num(t, "unpackSeconds"), num(t, "waitSeconds"),
                Boolean.TRUE.equals(c.get("overlap")) ? String.format(" (%.3f s of compute overlapped)", num(t, "overlappedComputeSeconds")) : "",
                num(m, "mass"), num(m, "l2Error"), m.get("fieldChecksum")) + where(run, (Map<String, Object>) m.get("messages"));
    }

    /** Where it ran and what crossed which boundary, when a placement (and a testbed) was given. */
    @SuppressWarnings("unchecked")
    private static String where(Map<String, Object> run, Map<String, Object> messages) {
        StringBuilder b = new StringBuilder();
        if (run.containsKey("placement")) {
            b.append(String.format("%n  placement %s on scenario %s, datapath %s", run.get("placement"), run.get("scenario"), run.get("datapath")));
        }
        if (run.containsKey("testbed")) {
            b.append(String.format(", inside testbed %s (profile %s%s)", run.get("testbed"), run.get("profile"),
                    "false".equals(run.get("shaped")) ? ", no shaping" : ""));
        }
        if (messages != null) {
            Map<String, Object> n = (Map<String, Object>) messages.get("perStep");
            b.append(String.format("%n  halo messages per step: %s intra-vm, %s inter-vm, %s inter-host (inter-host share %.3f)",
                    n.get("intra-vm"), n.get("inter-vm"), n.get("inter-host"), num(messages, "interHostShare")));
        }
        return b.toString();
    }

    /** Per rank, seconds per phase: the paper's Figure 3 breakdown as a table. */
    @SuppressWarnings("unchecked")
    public static String rankTable(Map<String, Object> m) {
        List<Object> ranks = (List<Object>) m.get("ranks");
        // The node a rank ran in (testbed), else its VM (placement), else nothing.
        String whereKey = ranks.isEmpty() ? null : ((Map<String, Object>) ranks.get(0)).containsKey("node") ? "node"
                : ((Map<String, Object>) ranks.get(0)).containsKey("vm") ? "vm" : null;
        String col = whereKey == null ? "" : String.format(" %-8s", whereKey.toUpperCase(java.util.Locale.ROOT));
        StringBuilder b = new StringBuilder(String.format("%5s%s %10s %9s %9s %9s %9s%n", "RANK", col, "CELLS", "COMPUTE", "PACK", "UNPACK", "WAIT"));
        for (Object o : ranks) {
            Map<String, Object> r = (Map<String, Object>) o, t = (Map<String, Object>) r.get("totals");
            String at = whereKey == null ? "" : String.format(" %-8s", r.get(whereKey));
            b.append(String.format("%5s%s %10s %8.4fs %8.4fs %8.4fs %8.4fs%n", r.get("rank"), at, r.get("cells"), num(t, "computeSeconds"),
                    num(t, "packSeconds"), num(t, "unpackSeconds"), num(t, "waitSeconds")));
        }
        return b.toString();
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /** One line for the terminal. */
    public static String summary(AdvectResult r) {
        AdvectConfig c = r.config();
        return String.format("advect %s %s grid %s decomp %s steps %d%s: %.3f s, %.1f Mcells/s; compute %.3f s, "
                        + "pack %.3f s, unpack %.3f s, wait %.3f s (sums over ranks); mass %.9g, L2 error %.3e, "
                        + "fieldChecksum %s",
                c.scheme().id(), r.stencil(), c.grid(), c.procs(), c.steps(), c.overlap() ? " overlap" : "",
                r.wallSeconds(), r.mcellsPerSecond(), r.seconds(Timers.COMPUTE), r.seconds(Timers.PACK),
                r.seconds(Timers.UNPACK), r.seconds(Timers.WAIT), r.summary().mass(), r.summary().l2Error(),
                r.summary().checksumHex());
    }
}
