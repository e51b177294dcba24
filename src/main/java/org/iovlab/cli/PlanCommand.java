package org.iovlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.iovlab.placement.MessageAccounting;
import org.iovlab.placement.MessageClass;
import org.iovlab.placement.Placement;
import org.iovlab.placement.PlacementOptions;
import org.iovlab.placement.PlacementSvg;
import org.iovlab.scenario.Quantities;
import org.iovlab.scenario.Scenario;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iovlab plan}: where each rank runs and what each time step sends, by class. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Place ranks on the scenario's VMs and count the solver's messages per step by class "
                + "(intra-VM, inter-VM on one host, inter-host).")
final class PlanCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ScenarioOptions scenarioOptions;

    @Option(names = {"-p", "--placement"}, paramLabel = "PATTERN", defaultValue = "inter",
            description = "inter, intra, hybrid, hybrid:K, crossings:K, round-robin, block or file:PATH. Default: ${DEFAULT-VALUE}.")
    String placement;

    @Option(names = "--decomp", paramLabel = "PXxPYxPZ",
            description = "Process grid. Default: the rank count along X (e.g. 16x1x1).")
    String decomp;

    @Option(names = {"-n", "--ranks"}, paramLabel = "N", description = "Number of ranks. Default: PX*PY*PZ, else the scenario's.")
    Integer ranks;

    @Option(names = "--grid", paramLabel = "XxYxZ", defaultValue = "512x512x512",
            description = "Global grid. Default: ${DEFAULT-VALUE}.")
    String grid;

    @Option(names = "--json", description = "Print JSON instead of tables.") boolean json;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also draw the placement and messages as SVG (as the paper's Figure 1).")
    Path svg;

    @Override
    public void run() {
        Scenario s = scenarioOptions.load();
        PlacementOptions.Resolved r = PlacementOptions.resolve(s, placement, decomp, ranks, grid);
        MessageAccounting acc = MessageAccounting.upwind(r.grid(), r.procs(), r.placement());
        PrintWriter out = spec.commandLine().getOut();
        if (svg != null) Results.writeText(svg, PlacementSvg.render(acc));
        if (json) Json.print(out, toJson(s, r, acc));
        else printText(out, s, r, acc);
    }


    private static void printText(PrintWriter out, Scenario s, PlacementOptions.Resolved r, MessageAccounting acc) {
        Placement p = r.placement();
        out.printf("scenario %s (%s), %d ranks, grid %s, decomposition %s, placement %s%n%n",
                s.name(), s.datapath().id(), p.ranks(), r.grid(), r.procs(), p.label());
        out.printf("%5s  %-8s %-8s %-13s %s%n", "RANK", "VM", "HOST", "COORDS", "CELLS");
        for (int rank = 0; rank < p.ranks(); rank++) {
            int[] c = r.procs().coordsOf(rank);
            out.printf("%5d  %-8s %-8s %-13s %d%n", rank, p.vm(rank).name(), p.host(rank),
                    "(" + c[0] + "," + c[1] + "," + c[2] + ")", acc.decomposition().cells(rank));
        }
        out.printf("%nmessages per time step (first-order upwind, inflow boundaries: each rank receives its upstream "
                + "neighbour's boundary plane)%n");
        out.printf("%-11s %9s %12s %7s%n", "CLASS", "MESSAGES", "BYTES", "SHARE");
        int total = acc.messages().size();
        for (MessageAccounting.Total t : acc.totals().values()) {
            out.printf("%-11s %9d %12s %6.1f%%%n", t.type().id(), t.messages(), Quantities.binary(t.bytes()),
                    total == 0 ? 0.0 : 100.0 * t.messages() / total);
        }
        out.printf("%-11s %9d %12s%n", "total", total, Quantities.binary(acc.totalBytes()));
        out.printf("%ninter-host messages: %d/%d; packed (non-contiguous) planes: %d/%d%n",
                acc.count(MessageClass.INTER_HOST), total, acc.packedCount(), total);
    }

    private static Map<String, Object> toJson(Scenario s, PlacementOptions.Resolved r, MessageAccounting acc) {
        Placement p = r.placement();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", s.name());
        m.put("datapath", s.datapath().id());
        m.put("grid", r.grid().toString());
        m.put("decomposition", r.procs().toString());
        m.put("placement", p.label());
        m.put("ranks", java.util.stream.IntStream.range(0, p.ranks()).mapToObj(rank -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("rank", rank);
            rm.put("vm", p.vm(rank).name());
            rm.put("host", p.host(rank));
            rm.put("coords", r.procs().coordsOf(rank));
            rm.put("cells", acc.decomposition().cells(rank));
            return rm;
        }).toList());
        Map<String, Object> perClass = new LinkedHashMap<>();
        acc.totals().values().forEach(t -> perClass.put(t.type().id(), Map.of("messages", t.messages(), "bytes", t.bytes())));
        m.put("perStep", perClass);
        m.put("messagesPerStep", acc.messages().size());
        m.put("bytesPerStep", acc.totalBytes());
        m.put("interHostShare", acc.interHostShare());
        m.put("messages", acc.messages().stream().map(msg -> {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("from", msg.from());
            mm.put("to", msg.to());
            mm.put("axis", String.valueOf("XYZ".charAt(msg.dim())));
            mm.put("bytes", msg.bytes());
            mm.put("contiguous", msg.contiguous());
            mm.put("class", msg.type().id());
            return mm;
        }).toList());
        return m;
    }

}
