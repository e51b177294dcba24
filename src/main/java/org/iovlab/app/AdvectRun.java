package org.iovlab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.iovlab.comm.Backend;
import org.iovlab.comm.CommException;
import org.iovlab.comm.JobOptions;
import org.iovlab.comm.Jobs;
import org.iovlab.launch.LaunchException;
import org.iovlab.launch.TestbedRanks;
import org.iovlab.placement.MessageAccounting;
import org.iovlab.placement.Placement;
import org.iovlab.testbed.TestbedException;
import org.iovlab.testbed.TestbedState;
import org.iovlab.testbed.Testbeds;

/**
 * One run of the solver as a library call (what {@code iovlab app advect} and the reproduce
 * runner use): starts the job, waits, and returns the report rank 0 wrote, completed with where
 * each rank ran and the run's message accounting. In a testbed (tcp only) every rank runs in
 * its node's namespace, CPU set and cgroups and listens on the node's address ({@link TestbedRanks}).
 */
public final class AdvectRun {
    private AdvectRun() {}

    /**
     * Runs {@code config} on {@code backend} and returns the report (as {@link AdvectReport#read}
     * gives it), also written to {@code jsonReport} when that is not null.
     *
     * <p>The report's {@code run} section holds {@link #labels} and then {@code runLabels}. With a
     * placement, each entry of {@code ranks} gains {@code vm} and {@code host}, and the report
     * gains {@code messages}: halo messages and bytes per step by class (intra-vm, inter-vm,
     * inter-host), their total and {@code interHostShare}. With a testbed, each rank entry also
     * has {@code node}, {@code namespace} and {@code address} (host:port it listened on); its
     * {@code netns} (the namespace the rank saw from inside) is checked against the node's.
     *
     * @param placement where ranks go (null: none; required with a testbed); its rank count must be the config's
     * @param testbed a live testbed to run the ranks in (null: loopback), e.g. {@code TestbedState.load("0")};
     *     only with {@link Backend#TCP}; the placement must be of the testbed's scenario
     * @param runLabels more labels for the report's {@code run} section (not the names {@link #labels} uses)
     * @param jsonReport where the report goes (written atomically), or null for none kept
     * @throws IllegalArgumentException before anything starts, when the arguments do not fit each other
     * @throws AdvectRunException when the job fails (naming the rank at fault; no rank process outlives
     *     the call) or its report cannot be read or written
     */
    public static Map<String, Object> run(AdvectConfig config, Backend backend, Placement placement, TestbedState testbed,
                                          Map<String, String> runLabels, Path jsonReport) {
        return run(config, backend, placement, testbed, runLabels, jsonReport, Kernel.VECTOR);
    }

    /** As {@link #run(AdvectConfig, Backend, Placement, TestbedState, Map, Path)}, with the rank processes' {@link Kernel}. */
    public static Map<String, Object> run(AdvectConfig config, Backend backend, Placement placement, TestbedState testbed,
                                          Map<String, String> runLabels, Path jsonReport, Kernel kernel) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(runLabels, "runLabels");
        TestbedRanks sites = check(config, backend, placement, testbed);
        Map<String, String> run = labels(backend, placement, testbed);
        runLabels.forEach((k, v) -> {
            if (run.containsKey(k)) throw new IllegalArgumentException("run label '" + k + "' is set by the run itself");
            run.put(k, v);
        });
        Path report = jsonReport;
        try {
            if (report == null) report = Files.createTempFile("iovlab-advect-", ".json");
            Jobs.run(backend, config.ranks(), AdvectProgram.class, rankArgs(config, run, report), options(backend, placement, sites, kernel));
            Map<String, Object> m = AdvectReport.read(report);
            if (placement == null) return m;
            complete(m, config, placement, sites, report);
            AdvectReport.writeAtomically(report, AdvectReport.json(m));
            return AdvectReport.read(report); // as any later reader sees it (e.g. small longs read back as ints)
        } catch (CommException e) {
            throw new AdvectRunException(e.peer(), "advect on " + backend.label() + " failed: " + e.getMessage(), e);
        } catch (UnsupportedOperationException | LaunchException | TestbedException e) {
            throw new AdvectRunException(-1, "advect on " + backend.label() + " failed: " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new AdvectRunException(-1, "advect: " + e.getMessage(), e);
        } finally {
            if (jsonReport == null && report != null) report.toFile().delete();
        }
    }

    /**
     * The {@code run} labels a run sets itself: {@code comm}; with a placement {@code scenario},
     * {@code datapath} and {@code placement}; with a testbed {@code testbed} (its instance),
     * {@code profile}, {@code shaped}, and the testbed's data path.
     */
    public static Map<String, String> labels(Backend backend, Placement placement, TestbedState testbed) {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("comm", backend.label());
        if (placement != null) {
            run.put("scenario", placement.scenario().name());
            run.put("datapath", placement.scenario().datapath().id());
            run.put("placement", placement.label());
        }
        if (testbed != null) {
            run.put("datapath", testbed.datapath().id());
            run.put("testbed", testbed.instance());
            run.put("profile", testbed.profile());
            run.put("shaped", Boolean.toString(testbed.shaped()));
        }
        return run;
    }

    /** Checks that the arguments fit each other; with a testbed, maps the ranks onto its nodes. */
    static TestbedRanks check(AdvectConfig config, Backend backend, Placement placement, TestbedState testbed) {
        if (placement != null && placement.ranks() != config.ranks()) {
            throw new IllegalArgumentException("the placement has " + placement.ranks() + " ranks, the decomposition "
                    + config.procs() + " " + config.ranks());
        }
        if (testbed == null) return null;
        if (backend != Backend.TCP) {
            throw new IllegalArgumentException("ranks run inside a testbed only on the tcp backend, not on " + backend.label());
        }
        if (placement == null) throw new IllegalArgumentException("a run inside testbed " + testbed.instance() + " needs a placement");
        return TestbedRanks.of(placement, testbed);
    }

    /** What every rank gets: the configuration, where rank 0 writes the report, and the run labels. */
    public static String[] rankArgs(AdvectConfig config, Map<String, String> run, Path report) {
        List<String> args = new ArrayList<>(config.toArgs());
        args.add("json=" + report.toAbsolutePath());
        args.add("print=false");
        run.forEach((k, v) -> args.add(k + "=" + v));
        return args.toArray(String[]::new);
    }

    /** Rank JVMs get the Vector API for {@link Kernel#VECTOR} (without it the scalar loop runs: same bits). */
    public static JobOptions options(Backend backend, Placement placement, TestbedRanks sites, Kernel kernel) {
        JobOptions options = JobOptions.defaults().withJvmArgs(kernel.jvmArgs());
        if (placement != null && backend == Backend.MPI) options = options.withPlacement(placement);
        return sites == null ? options : sites.apply(options);
    }

    /** Adds where each rank ran and the message accounting; checks that each rank ran in its node's namespace. */
    @SuppressWarnings("unchecked")
    private static void complete(Map<String, Object> m, AdvectConfig config, Placement placement, TestbedRanks sites,
                                 Path report) throws IOException {
        List<Object> ranks = (List<Object>) m.get("ranks");
        List<String> misplaced = new ArrayList<>();
        for (int r = 0; r < ranks.size(); r++) {
            Map<String, Object> rank = (Map<String, Object>) ranks.get(r);
            rank.put("vm", placement.vm(r).name());
            rank.put("host", placement.host(r));
            if (sites == null) continue;
            TestbedRanks.Site s = sites.site(r);
            rank.put("node", s.node().name());
            rank.put("namespace", s.node().namespace());
            rank.put("address", s.address().getHostString() + ":" + s.address().getPort());
            long expected = Testbeds.namespaceInode(s.node().namespace());
            long seen = ((Number) rank.get("netns")).longValue();
            if (seen != expected) {
                misplaced.add("rank " + r + " ran in netns " + seen + ", not in " + s.node().namespace() + " (" + expected + ")");
            }
        }
        if (!misplaced.isEmpty()) {
            Files.deleteIfExists(report); // not a measurement of this placement
            throw new AdvectRunException(-1, "advect: ranks ran outside their testbed nodes: " + String.join("; ", misplaced), null);
        }
        m.put("messages", messages(config, placement));
    }

    /**
     * Halo messages per step by class. Upwind sends what {@link MessageAccounting} counts;
     * Lax-Wendroff each of those both ways (same classes, twice the count and bytes).
     */
    static Map<String, Object> messages(AdvectConfig config, Placement placement) {
        MessageAccounting a = MessageAccounting.upwind(config.grid(), config.procs(), placement);
        int ways = config.scheme() == Scheme.LAX_WENDROFF ? 2 : 1;
        Map<String, Object> count = new LinkedHashMap<>(), bytes = new LinkedHashMap<>();
        a.totals().forEach((c, t) -> {
            count.put(c.id(), ways * t.messages());
            bytes.put(c.id(), ways * t.bytes());
        });
        count.put("total", ways * a.messages().size());
        bytes.put("total", ways * a.totalBytes());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("perStep", count);
        out.put("bytesPerStep", bytes);
        out.put("interHostShare", a.interHostShare());
        return out;
    }
}
