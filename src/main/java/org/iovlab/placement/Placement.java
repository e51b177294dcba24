package org.iovlab.placement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Vm;

/** Where each rank runs: rank {@code r} runs on VM {@code vmOfRank.get(r)} of {@code scenario}. */
public record Placement(Scenario scenario, String label, List<String> vmOfRank) {

    public Placement {
        vmOfRank = List.copyOf(vmOfRank);
        if (vmOfRank.isEmpty()) throw new IllegalArgumentException("a placement needs at least one rank");
        Map<String, Integer> used = new HashMap<>();
        for (String vm : vmOfRank) {
            Vm v = scenario.vm(vm).orElseThrow(() -> new IllegalArgumentException("unknown VM '" + vm + "'"));
            if (used.merge(vm, 1, Integer::sum) > v.vcpus()) {
                throw new IllegalArgumentException("VM '" + vm + "' holds more ranks than its " + v.vcpus() + " vCPUs");
            }
        }
    }

    public int ranks() {
        return vmOfRank.size();
    }

    public Vm vm(int rank) {
        return scenario.vm(vmOfRank.get(rank)).orElseThrow();
    }

    public String host(int rank) {
        return vm(rank).host();
    }

    /** The class of a message between two ranks. */
    public MessageClass classify(int from, int to) {
        if (vmOfRank.get(from).equals(vmOfRank.get(to))) return MessageClass.INTRA_VM;
        return host(from).equals(host(to)) ? MessageClass.INTER_VM : MessageClass.INTER_HOST;
    }

    /** Ranks placed on {@code vm}, in rank order. */
    public List<Integer> ranksOn(String vm) {
        return java.util.stream.IntStream.range(0, ranks()).filter(r -> vmOfRank.get(r).equals(vm)).boxed().toList();
    }
}
