package org.iovlab.app;

import java.util.LinkedHashMap;
import java.util.Map;

/** The iovlab version and the facts about the machine a result was measured on. */
public final class BuildInfo {
    private BuildInfo() {}

    /** The version from the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostname", hostname());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        m.put("javaVersion", Runtime.version().toString());
        m.put("vectorApi", ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        return m;
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
