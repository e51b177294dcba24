package org.iovlab.testbed.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iovlab.scenario.ConfigException;

/** Finds profiles: built-in ones by name, any other by file path. */
public final class Profiles {
    private Profiles() {}

    public static final List<String> BUILT_IN = List.of("linux", "xen-2010");
    public static final String DEFAULT = "linux";

    public static Profile load(String nameOrFile) {
        if (BUILT_IN.contains(nameOrFile)) return ProfileYaml.read("built-in profile '" + nameOrFile + "'", builtInText(nameOrFile));
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--profile", "profile", "no built-in profile and no file named '" + nameOrFile
                    + "' (built in: " + String.join(", ", BUILT_IN) + ")");
        }
        try {
            return ProfileYaml.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read: " + e.getMessage());
        }
    }

    public static String builtInText(String name) {
        try (InputStream in = Profiles.class.getResourceAsStream("/org/iovlab/testbed/profiles/" + name + ".yaml")) {
            if (in == null) throw new IllegalStateException("built-in profile missing from the jar: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
