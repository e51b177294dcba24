package org.iovlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.iovlab.testbed.Testbeds;

/** {@code iovlab testbed down}: removes exactly what the instance's manifest lists. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Remove everything the instance created (also after an interrupted up).")
final class TestbedDownCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin TestbedCommand.InstanceOption instance;

    @Override
    public void run() {
        long t0 = System.nanoTime();
        boolean any = TestbedCommand.failing(() -> Testbeds.down(instance.get()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        spec.commandLine().getOut().println(any ? "testbed " + instance.get() + " down in " + ms + " ms"
                : "no testbed instance " + instance.get() + " to remove");
    }
}
