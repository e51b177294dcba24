package org.iovlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;

import org.iovlab.testbed.Manifest;
import org.iovlab.testbed.TestbedState;
import org.iovlab.testbed.Testbeds;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iovlab testbed status}: what the instance's manifest lists and whether each object exists. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "List the instance's nodes and the objects it created.")
final class TestbedStatusCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin TestbedCommand.InstanceOption instance;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Manifest m = Manifest.of(instance.get());
        if (!m.exists()) {
            out.println("no testbed instance " + instance.get() + " (prefixed namespaces on this machine: "
                    + (Testbeds.prefixedNamespaces().isEmpty() ? "none" : String.join(" ", Testbeds.prefixedNamespaces())) + ")");
            return;
        }
        Manifest.Entries e = m.read();
        if (Files.exists(m.stateFile())) {
            TestbedState st = TestbedState.load(instance.get());
            out.printf("testbed %s: scenario %s, datapath %s, profile %s%s, network %s%n", st.instance(), st.scenario(),
                    st.datapath().id(), st.profile(), st.shaped() ? "" : " (no shaping)", st.network());
            TestbedUpCommand.printNodes(out, st);
        } else {
            out.println("testbed " + instance.get() + " is INCOMPLETE (up did not finish); 'testbed down' removes it");
        }
        long nsUp = e.namespaces().stream().filter(Testbeds::namespaceExists).count();
        out.printf("namespaces: %d/%d exist:", nsUp, e.namespaces().size());
        e.namespaces().forEach(ns -> out.print(" " + ns + (Testbeds.namespaceExists(ns) ? "" : "(missing)")));
        out.println();
        out.printf("cgroups (cpuset, cpu): %s%n", e.cgroups().isEmpty() ? "none" : String.join(" ", e.cgroups()));
    }
}
