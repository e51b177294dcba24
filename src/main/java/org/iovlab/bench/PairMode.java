package org.iovlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which endpoints stream to which, all at once. {@code CROSS} is the paper's mode: the i-th
 * endpoint of the first host sends to the i-th endpoint of the second (node1→node5,
 * node2→node6, ...); {@code SAME_HOST}: endpoints of one host pair up with each other
 * (node1→node2, node3→node4, ... on every host); {@code ALL_TO_ALL}: every endpoint sends to
 * every other one.
 */
public enum PairMode {
    CROSS, SAME_HOST, ALL_TO_ALL;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PairMode parse(String text) {
        for (PairMode m : values()) if (m.id().equals(text)) return m;
        throw new IllegalArgumentException("unknown pair mode '" + text + "'; expected cross, same-host or all-to-all");
    }

    /** An endpoint and the host it lives on. */
    public record Placed(Endpoint endpoint, String host) {}

    /** The pairs of this mode over {@code endpoints} (in scenario order); throws if the mode has none. */
    public List<StreamBench.Pair> pairs(List<Placed> endpoints) {
        Map<String, List<Endpoint>> byHost = new LinkedHashMap<>();
        endpoints.forEach(p -> byHost.computeIfAbsent(p.host(), h -> new ArrayList<>()).add(p.endpoint()));
        List<List<Endpoint>> hosts = new ArrayList<>(byHost.values());
        List<StreamBench.Pair> out = new ArrayList<>();
        switch (this) {
            case CROSS -> {
                if (hosts.size() < 2) throw new IllegalArgumentException("cross-host pairs need two hosts, the scenario has " + hosts.size());
                // Hosts pair up in order (0 with 1, 2 with 3, ...); within two hosts, endpoints pair by index.
                for (int h = 0; h + 1 < hosts.size(); h += 2) {
                    List<Endpoint> a = hosts.get(h), b = hosts.get(h + 1);
                    for (int i = 0; i < Math.min(a.size(), b.size()); i++) out.add(new StreamBench.Pair(a.get(i), b.get(i)));
                }
            }
            case SAME_HOST -> {
                for (List<Endpoint> on : hosts) {
                    for (int i = 0; i + 1 < on.size(); i += 2) out.add(new StreamBench.Pair(on.get(i), on.get(i + 1)));
                }
                if (out.isEmpty()) throw new IllegalArgumentException("same-host pairs need two endpoints on one host");
            }
            case ALL_TO_ALL -> {
                for (Placed s : endpoints) {
                    for (Placed r : endpoints) if (s != r) out.add(new StreamBench.Pair(s.endpoint(), r.endpoint()));
                }
                if (out.isEmpty()) throw new IllegalArgumentException("all-to-all needs at least two endpoints");
            }
        }
        return out;
    }
}
