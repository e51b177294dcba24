package org.iovlab.placement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Problem;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Vm;
import org.iovlab.scenario.yaml.YamlDocument;
import org.iovlab.scenario.yaml.YamlMap;

/**
 * An explicit placement: a YAML file whose {@code ranks} list names the VM of rank 0, 1, ...
 * <pre>
 * ranks: [node1, node5, node2, node6]
 * </pre>
 */
public final class PlacementFile {
    private PlacementFile() {}

    public static Placement read(Path file, Scenario s, int ranks) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read placement file: " + e.getMessage());
        }
        return parse(file.toString(), text, s, ranks);
    }

    public static Placement parse(String source, String text, Scenario s, int ranks) {
        YamlDocument doc = YamlDocument.parse(source, text);
        List<String> vms = new ArrayList<>();
        List<Problem> more = new ArrayList<>();
        doc.root().ifPresent(root -> {
            List<YamlMap.Item> items = root.list("ranks", true);
            root.finish();
            Map<String, Integer> used = new HashMap<>();
            for (YamlMap.Item item : items) {
                item.asString("a VM name").ifPresent(name -> {
                    Vm vm = s.vm(name).orElse(null);
                    if (vm == null) {
                        item.problem("unknown VM '" + name + "'; scenario '" + s.name() + "' has: "
                                + String.join(", ", s.vms().stream().map(Vm::name).toList()));
                    } else if (used.merge(name, 1, Integer::sum) > vm.vcpus()) {
                        item.problem("VM '" + name + "' would hold more ranks than its " + vm.vcpus() + " vCPUs");
                    }
                    vms.add(name);
                });
            }
            if (doc.problems().isEmpty() && items.size() != ranks) {
                more.add(doc.sourceMap().problem("ranks", "the file places " + items.size() + " ranks but the run has "
                        + ranks + "; place every rank exactly once"));
            }
        });
        doc.throwIfProblems(more);
        return new Placement(s, "file:" + source, vms);
    }
}
