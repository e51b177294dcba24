package org.iovlab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;
import org.iovlab.scenario.yaml.ScenarioYaml;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iovlab scenario list|show}: the built-in clusters and how a scenario resolves. */
@Command(name = "scenario", description = "List the built-in cluster scenarios or show one resolved.",
        mixinStandardHelpOptions = true, subcommands = {ScenarioCommand.ListCommand.class, ScenarioCommand.Show.class})
final class ScenarioCommand {

    @Command(name = "list", description = "List the built-in scenarios.", mixinStandardHelpOptions = true)
    static final class ListCommand implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON instead of a table.") boolean json;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<Scenario> all = Scenarios.BUILT_IN.stream().map(Scenarios::load).map(Scenario::resolved).toList();
            if (json) {
                Json.print(out, all.stream().map(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", s.name());
                    m.put("default", s.name().equals(Scenarios.DEFAULT));
                    m.put("hosts", s.hosts().size());
                    m.put("vms", s.vms().size());
                    m.put("ranks", s.ranks());
                    m.put("datapath", s.datapath().id());
                    m.put("description", s.description());
                    return m;
                }).toList());
                return;
            }
            out.printf("%-8s %5s %4s %5s %-8s %s%n", "NAME", "HOSTS", "VMS", "RANKS", "DATAPATH", "DESCRIPTION");
            for (Scenario s : all) {
                out.printf("%-8s %5d %4d %5d %-8s %s%s%n", s.name(), s.hosts().size(), s.vms().size(), s.ranks(),
                        s.datapath().id(), s.description(), s.name().equals(Scenarios.DEFAULT) ? " (default)" : "");
            }
        }
    }

    @Command(name = "show", description = "Print a scenario resolved: defaults and addresses filled in, validated.",
            mixinStandardHelpOptions = true)
    static final class Show implements Runnable {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME|FILE", arity = "0..1", description = "Built-in name or YAML file. Default: local.")
        String name;
        @Mixin ScenarioOptions options;
        @Option(names = "--json", description = "Print JSON instead of YAML.") boolean json;

        @Override
        public void run() {
            if (name != null) options.scenario = name;
            Scenario s = options.load();
            PrintWriter out = spec.commandLine().getOut();
            if (json) Json.print(out, ScenarioYaml.toMap(s));
            else out.print(ScenarioYaml.write(s));
        }
    }
}
