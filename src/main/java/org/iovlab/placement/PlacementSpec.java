package org.iovlab.placement;

import java.nio.file.Path;

/**
 * How ranks are mapped onto VM vCPU slots, as in the paper's Figure 1. Written on the command
 * line as {@code inter}, {@code intra}, {@code hybrid}, {@code hybrid:K}, {@code round-robin},
 * {@code block} or {@code file:PATH}.
 */
public sealed interface PlacementSpec {
    String SYNTAX = "inter, intra, hybrid, hybrid:K, crossings:K, round-robin, block or file:PATH";

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

    /**
     * Runs of consecutive ranks on alternating hosts, so that the rank chain changes host exactly
     * {@code count} times: a 1-D decomposition then sends {@code count} of its P−1 messages per
     * step across the wire. Between the paper's intra (1) and inter (P−1), it gives every share
     * of inter-host messages in between (the x axis of its Figure 4).
     */
    record Crossings(int count) implements PlacementSpec {
        public Crossings {
            if (count < 0) throw new IllegalArgumentException("crossings:K needs K >= 0");
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
        if (t.startsWith("crossings:")) {
            String k = t.substring(10);
            if (!k.matches("[0-9]{1,6}")) throw new IllegalArgumentException("crossings:K needs a count K >= 0, got '" + text + "'");
            return new Crossings(Integer.parseInt(k));
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
            case Crossings c -> "crossings:" + c.count();
            case RoundRobin r -> "round-robin";
            case Block b -> "block";
            case FromFile f -> "file:" + f.file();
        };
    }
}
