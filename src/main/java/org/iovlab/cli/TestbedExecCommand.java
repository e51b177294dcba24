package org.iovlab.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.iovlab.launch.Launched;
import org.iovlab.launch.Launcher;
import org.iovlab.testbed.NodeInfo;
import org.iovlab.testbed.TestbedState;
import org.iovlab.scenario.ConfigException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iovlab testbed exec NODE -- CMD...}: runs a command in a node's namespace and CPU set; exits with its status. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Run a command inside a VM's (or host's) namespace and CPU set; exit with its status.")
final class TestbedExecCommand implements Callable<Integer> {
    @Mixin TestbedCommand.InstanceOption instance;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Kill the command's process group after this long.")
    Long timeoutSeconds;

    @Parameters(index = "0", paramLabel = "NODE", description = "A host or VM name of the testbed.")
    String node;

    @Parameters(index = "1..*", paramLabel = "CMD", arity = "1..*", description = "The command and its arguments (after --).")
    List<String> command;

    @Override
    public Integer call() {
        return TestbedCommand.failing(() -> {
            TestbedState st = TestbedState.load(instance.get());
            NodeInfo n = st.node(node).orElseThrow(() -> new ConfigException("exec", "NODE", "testbed " + st.instance()
                    + " has no node '" + node + "'; nodes: " + String.join(", ", st.nodes().stream().map(NodeInfo::name).toList())));
            try (Launched l = Launcher.start(n, command, Launcher.Options.DEFAULT.inheritingIo())) {
                Launched.Result r = l.await(timeoutSeconds == null ? Duration.ofDays(365) : Duration.ofSeconds(timeoutSeconds));
                if (r.timedOut()) throw new org.iovlab.launch.LaunchException(command.get(0) + " in " + node + " timed out after " + timeoutSeconds + " s; killed");
                return r.exit();
            }
        });
    }
}
