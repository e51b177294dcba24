package org.iovlab.cli;

import java.io.PrintWriter;

import org.iovlab.scenario.Scenario;
import org.iovlab.testbed.Cgroups;
import org.iovlab.testbed.NodeInfo;
import org.iovlab.testbed.Plan;
import org.iovlab.testbed.Planner;
import org.iovlab.testbed.Privileges;
import org.iovlab.testbed.TestbedState;
import org.iovlab.testbed.Testbeds;
import org.iovlab.testbed.profile.Profile;
import org.iovlab.testbed.profile.Profiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iovlab testbed up}: plan, then build the instance; prints the node and CPU mapping. */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Build the scenario's cluster on network namespaces.")
final class TestbedUpCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ScenarioOptions scenarioOptions;
    @Mixin TestbedCommand.InstanceOption instance;

    @Option(names = {"-P", "--profile"}, paramLabel = "NAME|FILE", defaultValue = Profiles.DEFAULT,
            description = "Hardware profile: linux, xen-2010 or a YAML file. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--no-shaping", description = "No tc shaping at all: the raw kernel paths.")
    boolean noShaping;

    @Option(names = "--cpu-quota", description = "Also cap each VM's CPU time at its vCPUs' share of its host's real CPUs (CFS quota).")
    boolean cpuQuota;

    @Option(names = "--dry-run", description = "Print the plan's operations and create nothing.")
    boolean dryRun;

    @Override
    public void run() {
        Scenario s = scenarioOptions.load();
        Profile p = Profiles.load(profile);
        Plan plan = Planner.plan(s, instance.get(), p, !noShaping, Cgroups.machineCpus(), cpuQuota);
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            plan.ops().forEach(op -> out.println(op));
            return;
        }
        TestbedCommand.failing(() -> { Privileges.require("testbed up"); return null; });
        long t0 = System.nanoTime();
        TestbedState st = TestbedCommand.failing(() -> Testbeds.up(plan, s.network().toString()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        out.printf("testbed %s up in %d ms: scenario %s, datapath %s, profile %s%s%n", st.instance(), ms, st.scenario(),
                st.datapath().id(), st.profile(), st.shaped() ? "" : " (no shaping)");
        printNodes(out, st);
    }

    static void printNodes(PrintWriter out, TestbedState st) {
        out.printf("%-8s %-4s %-8s %-12s %-15s %-12s %-5s %-6s %s%n", "NODE", "KIND", "HOST", "NAMESPACE", "ADDRESS", "DEVICE",
                "CPUS", "SHARES", "QUOTA");
        for (NodeInfo n : st.nodes()) {
            out.printf("%-8s %-4s %-8s %-12s %-15s %-12s %-5s %-6d %s%n", n.name(), n.kind() == NodeInfo.Kind.HOST ? "host" : "vm",
                    n.host(), n.namespace(), n.address(), n.device(), n.cpus(), n.shares(),
                    n.quotaMicros() > 0 ? String.format("%.2f CPU", n.quotaMicros() / 100_000.0) : "-");
        }
        if (st.nodes().stream().anyMatch(n -> n.cgroup() == null)) {
            out.println("(no cgroup v1 cpuset/cpu here: CPU sets are applied as affinity only)");
        }
    }
}
