package org.iovlab.scenario.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iovlab.scenario.Bandwidth;
import org.iovlab.scenario.ByteSize;
import org.iovlab.scenario.Cidr;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Host;
import org.iovlab.scenario.Ipv4;
import org.iovlab.scenario.Names;
import org.iovlab.scenario.Nic;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.ScenarioValidator;
import org.iovlab.scenario.Vm;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a scenario from YAML and writes one back. Reading checks form (syntax, unknown keys,
 * types, units) and then meaning ({@link ScenarioValidator}), and throws one
 * {@link org.iovlab.scenario.ConfigException} with every problem found.
 */
public final class ScenarioYaml {
    private ScenarioYaml() {}

    /** A validated scenario, or a ConfigException listing every problem. */
    public static Scenario read(String source, String text) {
        return read(source, text, null);
    }

    /** As {@link #read(String, String)}, with the data path replaced (e.g. from the command line) before validation. */
    public static Scenario read(String source, String text, DataPath datapathOverride) {
        YamlDocument doc = YamlDocument.parse(source, text);
        Optional<Scenario> s = doc.root().flatMap(ScenarioYaml::scenario);
        if (s.isPresent() && datapathOverride != null) s = Optional.of(s.get().withDatapath(datapathOverride));
        doc.throwIfProblems(s.isPresent() && doc.problems().isEmpty()
                ? ScenarioValidator.validate(s.get(), doc.sourceMap()) : List.of());
        return s.orElseThrow();
    }

    private static Optional<Scenario> scenario(YamlMap m) {
        Optional<String> name = m.string("name", true);
        String description = m.string("description", false).orElse("");
        Optional<DataPath> datapath = m.has("datapath")
                ? m.parsed("datapath", false, "a data path (" + DataPath.choices() + ")", ScenarioYaml::datapath)
                : Optional.of(DataPath.BRIDGED);
        int ranks = m.integer("ranks", false, 1).orElse(0);
        Cidr network = m.parsed("network", false, "a network like 198.18.0.0/24", Cidr::parse).orElse(Scenario.DEFAULT_NETWORK);
        List<Host> hosts = new ArrayList<>();
        for (YamlMap.Item item : m.list("hosts", true)) item.asMap().flatMap(ScenarioYaml::host).ifPresent(hosts::add);
        List<Vm> vms = new ArrayList<>();
        for (YamlMap.Item item : m.list("vms", true)) item.asMap().flatMap(ScenarioYaml::vm).ifPresent(vms::add);
        m.finish();
        if (name.isEmpty() || datapath.isEmpty()) return Optional.empty();
        return Optional.of(new Scenario(name.get(), description, datapath.get(), ranks, network, hosts, vms));
    }

    private static DataPath datapath(String text) {
        return DataPath.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown data path '" + text + "'; expected one of: " + DataPath.choices()));
    }

    private static Optional<String> nodeName(YamlMap m) {
        return m.parsed("name", true, "a name", n -> {
            String bad = Names.nodeNameProblem(n);
            if (bad != null) throw new IllegalArgumentException(bad);
            return n;
        });
    }

    private static Optional<Host> host(YamlMap m) {
        Optional<String> name = nodeName(m);
        var cores = m.integer("cores", true, 1);
        Nic nic = m.map("nic", false).map(ScenarioYaml::nic).orElse(new Nic(Nic.DEFAULT_LINE_RATE, Nic.DEFAULT_VIRTUAL_FUNCTIONS));
        Ipv4 address = m.parsed("address", false, "an IPv4 address", Ipv4::parse).orElse(null);
        m.finish();
        if (name.isEmpty() || cores.isEmpty()) return Optional.empty();
        return Optional.of(new Host(name.get(), cores.getAsInt(), nic, address));
    }

    private static Nic nic(YamlMap m) {
        Bandwidth rate = m.isNumber("lineRate")
                ? m.parsed("lineRate", false, "a rate", t -> Bandwidth.gbitPerSecond(positive(t)))
                        .orElse(Nic.DEFAULT_LINE_RATE)
                : m.parsed("lineRate", false, Bandwidth.SYNTAX_HELP, Bandwidth::parse).orElse(Nic.DEFAULT_LINE_RATE);
        int vfs = m.integer("vfs", false, 0).orElse(Nic.DEFAULT_VIRTUAL_FUNCTIONS);
        List<String> devices = new ArrayList<>();
        for (YamlMap.Item item : m.list("vfDevices", false)) {
            item.asString("a device name").ifPresent(d -> {
                String bad = Nic.deviceNameProblem(d);
                if (bad != null) item.problem(bad);
                devices.add(d);
            });
        }
        m.finish();
        return new Nic(rate, vfs, devices);
    }

    private static double positive(String number) {
        double v = Double.parseDouble(number);
        if (!(v > 0)) throw new IllegalArgumentException("expected a positive rate in Gbit/s, got " + number);
        return v;
    }

    private static Optional<Vm> vm(YamlMap m) {
        Optional<String> name = nodeName(m);
        Optional<String> host = m.string("host", true);
        int vcpus = m.integer("vcpus", false, 1).orElse(1);
        ByteSize memory = m.parsed("memory", false, ByteSize.SYNTAX_HELP, ByteSize::parse).orElse(Vm.DEFAULT_MEMORY);
        Ipv4 address = m.parsed("address", false, "an IPv4 address", Ipv4::parse).orElse(null);
        m.finish();
        if (name.isEmpty() || host.isEmpty()) return Optional.empty();
        return Optional.of(new Vm(name.get(), host.get(), vcpus, memory, address));
    }

    /** The scenario as YAML that {@link #read} accepts again, every default written out. */
    public static String write(Scenario s) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setSplitLines(false);
        return new Yaml(o).dump(toMap(s));
    }

    /** Plain maps and lists in field order, for YAML and JSON output alike. */
    public static Map<String, Object> toMap(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        if (!s.description().isEmpty()) m.put("description", s.description());
        m.put("datapath", s.datapath().id());
        m.put("ranks", s.defaultRanks());
        m.put("network", s.network().toString());
        m.put("hosts", s.hosts().stream().map(h -> {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("name", h.name());
            hm.put("cores", h.cores());
            Map<String, Object> nic = new LinkedHashMap<>();
            nic.put("lineRate", h.nic().lineRate().toString());
            nic.put("vfs", h.nic().virtualFunctions());
            if (!h.nic().vfDevices().isEmpty()) nic.put("vfDevices", h.nic().vfDevices());
            hm.put("nic", nic);
            if (h.address() != null) hm.put("address", h.address().toString());
            return hm;
        }).toList());
        m.put("vms", s.vms().stream().map(v -> {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("name", v.name());
            vm.put("host", v.host());
            vm.put("vcpus", v.vcpus());
            vm.put("memory", v.memory().toString());
            if (v.address() != null) vm.put("address", v.address().toString());
            return vm;
        }).toList());
        return m;
    }
}
