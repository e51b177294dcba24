package org.iovlab.cli;

import org.iovlab.testbed.InstanceNames;
import org.iovlab.testbed.TestbedException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iovlab testbed}: the emulated cluster on network namespaces (up, down, status, exec). */
@Command(name = "testbed", mixinStandardHelpOptions = true,
        description = "Build, inspect, use and remove an emulated cluster of hosts and VMs on Linux network namespaces.",
        subcommands = {TestbedUpCommand.class, TestbedDownCommand.class, TestbedStatusCommand.class, TestbedExecCommand.class})
final class TestbedCommand {

    /** {@code --instance}, shared by the verbs. */
    static final class InstanceOption {
        @Option(names = {"-i", "--instance"}, paramLabel = "ID", defaultValue = "0",
                description = "Testbed instance id, one or two digits; instances exist side by side. Default: ${DEFAULT-VALUE}.")
        String instance;

        String get() {
            return parse(instance);
        }

        /** A checked instance id (a bad one is a usage error naming the rule). */
        String parse(String id) {
            return new InstanceNames(id).instance();
        }
    }

    /** Runs {@code body}, turning a testbed failure into a failed run (exit 1) with its message. */
    static <T> T failing(java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (TestbedException | org.iovlab.launch.LaunchException e) {
            throw new RunFailedException(e.getMessage(), e);
        }
    }
}
