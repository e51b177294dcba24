package org.iovlab.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks, before anything is created, that this process may build namespaces and shape links. */
public final class Privileges {
    private Privileges() {}

    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_SYS_ADMIN = 21;

    /** What is missing to build a testbed, empty when nothing is. */
    public static List<String> missing() {
        List<String> out = new ArrayList<>();
        long caps = effectiveCapabilities();
        if ((caps & (1L << CAP_NET_ADMIN)) == 0) out.add("CAP_NET_ADMIN (to create links, bridges and qdiscs)");
        if ((caps & (1L << CAP_SYS_ADMIN)) == 0) out.add("CAP_SYS_ADMIN (to create and enter network namespaces)");
        for (String tool : List.of("ip", "tc")) {
            if (!onPath(tool)) out.add("the '" + tool + "' command (Debian package iproute2)");
        }
        return out;
    }

    /** Throws a TestbedException naming everything that is missing. */
    public static void require(String what) {
        List<String> m = missing();
        if (!m.isEmpty()) {
            throw new TestbedException(what + " needs root (or capabilities) and tools this process lacks: "
                    + String.join("; ", m) + ". Run it as root, e.g. with sudo.");
        }
    }

    static long effectiveCapabilities() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) return Long.parseUnsignedLong(line.substring(7).strip(), 16);
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    public static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }
}
