package org.iovlab.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** What an instance left on the machine: namespaces, links in the initial namespace, cgroups, run dir. */
public final class Leaks {
    private Leaks() {}

    public static List<String> of(String instance) {
        InstanceNames n = new InstanceNames(instance);
        List<String> out = new ArrayList<>();
        Testbeds.prefixedNamespaces().stream().filter(n::owns).forEach(ns -> out.add("netns " + ns));
        Sys.run(List.of("ip", "-o", "link", "show"), "").lines().map(l -> l.split(": ")[1].split("@")[0])
                .filter(n::owns).forEach(l -> out.add("link " + l));
        Sys.run(List.of("tc", "qdisc", "show"), "").lines().filter(l -> l.contains(" dev " + n.prefix()))
                .forEach(l -> out.add("qdisc " + l));
        for (String controller : List.of("cpuset", "cpu")) {
            try (var dirs = Files.list(Cgroups.root().resolve(controller))) {
                dirs.map(p -> p.getFileName().toString()).filter(n::owns).forEach(c -> out.add("cgroup " + controller + "/" + c));
            } catch (IOException e) {
                // no such controller
            }
        }
        if (Files.exists(Manifest.of(instance).dir())) out.add("run dir " + Manifest.of(instance).dir());
        return out;
    }
}
