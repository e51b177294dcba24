package org.iovlab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iovlab.scenario.yaml.ScenarioYaml;

/** Finds scenarios: the built-in ones by name, any other by file path. */
public final class Scenarios {
    private Scenarios() {}

    /** Built-in scenarios, the default first. */
    public static final List<String> BUILT_IN = List.of("local", "paper");
    public static final String DEFAULT = "local";

    /** Loads and validates a built-in scenario or a YAML file, optionally with another data path. */
    public static Scenario load(String nameOrFile, DataPath datapathOverride) {
        if (BUILT_IN.contains(nameOrFile)) {
            return ScenarioYaml.read("built-in scenario '" + nameOrFile + "'", builtInText(nameOrFile), datapathOverride);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--scenario", "scenario", "no built-in scenario and no file named '" + nameOrFile
                    + "' (built in: " + String.join(", ", BUILT_IN) + ")");
        }
        try {
            return ScenarioYaml.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), datapathOverride);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read: " + e.getMessage());
        }
    }

    public static Scenario load(String nameOrFile) {
        return load(nameOrFile, null);
    }

    public static String builtInText(String name) {
        try (InputStream in = Scenarios.class.getResourceAsStream("builtin/" + name + ".yaml")) {
            if (in == null) throw new IllegalStateException("built-in scenario missing from the jar: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
