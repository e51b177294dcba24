package org.iovlab.cli;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Scenarios;

import picocli.CommandLine.Option;

/** {@code --scenario} and {@code --datapath}, shared by every command that needs a cluster. */
final class ScenarioOptions {
    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME|FILE", defaultValue = Scenarios.DEFAULT,
            description = "Built-in scenario (local, paper) or a YAML file. Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Option(names = {"-d", "--datapath"}, paramLabel = "PATH",
            description = "Override the scenario's data path: native, bridged or iov.")
    String datapath;

    Scenario load() {
        DataPath d = null;
        if (datapath != null) {
            d = DataPath.parse(datapath).orElseThrow(() -> new ConfigException("--datapath", "datapath",
                    "unknown data path '" + datapath + "'; expected one of: " + DataPath.choices()));
        }
        return Scenarios.load(scenario, d).resolved();
    }
}
