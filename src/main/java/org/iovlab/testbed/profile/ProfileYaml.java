package org.iovlab.testbed.profile;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iovlab.scenario.Bandwidth;
import org.iovlab.scenario.yaml.YamlDocument;
import org.iovlab.scenario.yaml.YamlMap;

/** Reads a {@link Profile} from YAML; every problem carries its line and field. */
public final class ProfileYaml {
    private ProfileYaml() {}

    private static final Pattern LATENCY = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ns|us|ms|s)\\s*");

    public static Profile read(String source, String text) {
        YamlDocument doc = YamlDocument.parse(source, text);
        Optional<Profile> p = doc.root().flatMap(ProfileYaml::profile);
        doc.throwIfProblems(java.util.List.of());
        return p.orElseThrow();
    }

    private static Optional<Profile> profile(YamlMap m) {
        Optional<String> name = m.string("name", true);
        String description = m.string("description", false).orElse("");
        Hop nic = hop(m, "nic");
        Hop eswitch = hop(m, "eswitch");
        Hop dom0 = hop(m, "dom0");
        Hop hostStack = hop(m, "hostStack");
        Hop vif = hop(m, "vif");
        Hop vf = hop(m, "vf");
        m.finish();
        return name.map(n -> new Profile(n, description, nic, eswitch, dom0, hostStack, vif, vf));
    }

    private static Hop hop(YamlMap parent, String key) {
        Optional<YamlMap> m = parent.map(key, false);
        if (m.isEmpty()) return Hop.NONE;
        Optional<Bandwidth> rate = m.get().parsed("rate", false, Bandwidth.SYNTAX_HELP, Bandwidth::parse);
        Duration latency = m.get().parsed("latency", false, "a latency like 20us or 0.1ms", ProfileYaml::latency)
                .orElse(Duration.ZERO);
        m.get().finish();
        return new Hop(rate, latency);
    }

    static Duration latency(String text) {
        Matcher x = LATENCY.matcher(text);
        if (!x.matches()) throw new IllegalArgumentException("expected a latency with a unit (ns, us, ms, s), e.g. 20us, got '" + text + "'");
        double v = Double.parseDouble(x.group(1));
        double nanos = v * switch (x.group(2)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        if (nanos > 10e9) throw new IllegalArgumentException("latency above 10s: '" + text + "'");
        return Duration.ofNanos(Math.round(nanos));
    }
}
