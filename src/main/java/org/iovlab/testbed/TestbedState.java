package org.iovlab.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Ipv4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A live testbed as {@code up} left it (state.json beside the manifest): which scenario,
 * data path and profile, and its nodes. Written only once {@code up} has finished.
 */
public record TestbedState(String instance, String scenario, DataPath datapath, String profile, boolean shaped,
                           String network, List<NodeInfo> nodes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public TestbedState {
        nodes = List.copyOf(nodes);
    }

    public Optional<NodeInfo> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /**
     * Where a rank placed on VM {@code vm} of host {@code host} runs: the VM's node, or on
     * NATIVE (no VMs) its host's node.
     */
    public NodeInfo nodeForRank(String vm, String host) {
        String name = datapath == DataPath.NATIVE ? host : vm;
        return node(name).orElseThrow(() -> new TestbedException("testbed " + instance + " has no node '" + name + "'"));
    }

    /** The nodes where ranks run: hosts on NATIVE, VMs otherwise. */
    public List<NodeInfo> endpoints() {
        NodeInfo.Kind k = datapath == DataPath.NATIVE ? NodeInfo.Kind.HOST : NodeInfo.Kind.VM;
        return nodes.stream().filter(n -> n.kind() == k).toList();
    }

    /** Reads the state of a live instance; throws naming the instance when there is none. */
    public static TestbedState load(String instance) {
        Manifest m = Manifest.of(instance);
        if (!Files.exists(m.stateFile())) {
            throw new TestbedException(m.exists()
                    ? "testbed instance " + instance + " is incomplete (its 'up' did not finish); run 'iovlab testbed down --instance " + instance + "'"
                    : "no testbed instance " + instance + " is up; start one with 'iovlab testbed up'");
        }
        try {
            JsonNode j = JSON.readTree(m.stateFile().toFile());
            List<NodeInfo> nodes = new ArrayList<>();
            for (JsonNode n : j.get("nodes")) {
                nodes.add(new NodeInfo(n.get("name").asText(), NodeInfo.Kind.valueOf(n.get("kind").asText()),
                        n.get("host").asText(), n.get("namespace").asText(), Ipv4.parse(n.get("address").asText()),
                        n.get("device").asText(), n.get("cgroup").isNull() ? null : n.get("cgroup").asText(),
                        n.get("cpus").asText(), n.get("shares").asInt(), n.get("quotaMicros").asLong()));
            }
            return new TestbedState(j.get("instance").asText(), j.get("scenario").asText(),
                    DataPath.valueOf(j.get("datapath").asText()), j.get("profile").asText(), j.get("shaped").asBoolean(),
                    j.get("network").asText(), nodes);
        } catch (IOException | RuntimeException e) {
            throw new TestbedException("cannot read " + m.stateFile() + ": " + e.getMessage(), e);
        }
    }

    public void save(Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", instance);
        m.put("scenario", scenario);
        m.put("datapath", datapath.name());
        m.put("profile", profile);
        m.put("shaped", shaped);
        m.put("network", network);
        m.put("nodes", nodes.stream().map(n -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", n.name());
            x.put("kind", n.kind().name());
            x.put("host", n.host());
            x.put("namespace", n.namespace());
            x.put("address", n.address().toString());
            x.put("device", n.device());
            x.put("cgroup", n.cgroup());
            x.put("cpus", n.cpus());
            x.put("shares", n.shares());
            x.put("quotaMicros", n.quotaMicros());
            return x;
        }).toList());
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), m);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new TestbedException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
