package org.iovlab.placement;

import java.nio.file.Path;

/**
 * How ranks are mapped onto VM vCPU slots, as in the paper's Figure 1. Written on the command
 * line as {@code inter}, {@code intra}, {@code hybrid}, {@code hybrid:K}, {@code round-robin},
 * {@code block} or {@code file:PATH}.
 */
public sealed interface PlacementSpec {
    String SYNTAX = "inter, intra, hybrid, hybrid:K, round-robin, block or file:PATH";

    /** Consecutive ranks on alternating hosts, spread over the VMs of each host: every neighbour message crosses the wire. */
    record Inter() implements PlacementSpec {}

    /** Fill the VMs of one host before the next, in host order. */
    record Intra() implements PlacementSpec {}

    /** Blocks of {@code blockSize} consecutive ranks fill one VM; blocks alternate hosts. 0: the VM's vCPU count. */
    record Hybrid(int blockSize) implements PlacementSpec {
        public Hybrid {
            if (blockSize < 0) throw new IllegalArgumentException("block size must be >= 1");
        }
    }

    /** One rank per VM in declared order, round and round. */
    record RoundRobin() implements PlacementSpec {}

    /** Fill each VM in declared order before the next. */
    record Block() implements PlacementSpec {}

    /** An explicit rank-to-VM map in a YAML file. */
    record FromFile(Path file) implements PlacementSpec {}

    static PlacementSpec parse(String text) {
        String t = text.strip();
        if (t.startsWith("file:") && t.length() > 5) return new FromFile(Path.of(t.substring(5)));
        if (t.startsWith("hybrid:")) {
            String k = t.substring(7);
            if (!k.matches("[0-9]{1,6}") || Integer.parseInt(k) < 1) {
                throw new IllegalArgumentException("hybrid:K needs a block size K >= 1, got '" + text + "'");
            }
            return new Hybrid(Integer.parseInt(k));
        }
        return switch (t) {
            case "inter" -> new Inter();
            case "intra" -> new Intra();
            case "hybrid" -> new Hybrid(0);
            case "round-robin" -> new RoundRobin();
            case "block" -> new Block();
            default -> throw new IllegalArgumentException("unknown placement '" + text + "'; expected " + SYNTAX);
        };
    }

    /** How the CLI writes it back. */
    default String label() {
        return switch (this) {
            case Inter i -> "inter";
            case Intra i -> "intra";
            case Hybrid h -> h.blockSize() == 0 ? "hybrid" : "hybrid:" + h.blockSize();
            case RoundRobin r -> "round-robin";
            case Block b -> "block";
            case FromFile f -> "file:" + f.file();
        };
    }
}
