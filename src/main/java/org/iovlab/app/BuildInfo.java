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

    /**
     * The git commit the running jar was built from: {@code git rev-parse HEAD} in the checkout
     * that holds the jar ({@code target/iovlab.jar}), with "-dirty" when files differ from it;
     * "unknown" outside a checkout or without git.
     */
    public static String gitCommit() {
        try {
            var jar = java.nio.file.Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            var dir = java.nio.file.Files.isDirectory(jar) ? jar : jar.getParent();
            String head = git(dir, "rev-parse", "HEAD");
            if (head.isEmpty()) return "unknown";
            return git(dir, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String git(java.nio.file.Path dir, String... args) {
        var cmd = new java.util.ArrayList<>(java.util.List.of("git", "-C", dir.toString()));
        cmd.addAll(java.util.List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : "";
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
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
