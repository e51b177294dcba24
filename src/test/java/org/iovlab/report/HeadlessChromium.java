package org.iovlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's chromium, headless, for tests: dump a page's DOM after load, take a screenshot, and
 * collect the console messages (with --enable-logging=stderr chromium logs each as ":CONSOLE").
 * Missing chromium skips the test with the reason printed, except where it is required (CI, or
 * -Diovlab.browser.required=true, which scripts/run-tests.sh sets as root): there it fails.
 */
final class HeadlessChromium {
    record Run(int exitCode, String stdout, List<String> console) {}

    private final Path exe;
    private final Path profile;

    private HeadlessChromium(Path exe, Path profile) {
        this.exe = exe;
        this.profile = profile;
    }

    static HeadlessChromium orSkip(Path scratch) throws IOException {
        Optional<Path> exe = find();
        if (exe.isEmpty()) {
            String why = "chromium not found (PATH, /usr/bin/chromium or -Diovlab.chromium); scripts/setup.sh installs Debian's chromium";
            boolean required = Boolean.getBoolean("iovlab.browser.required") || System.getenv("CI") != null;
            assertThat(required).as(why + " (required here: CI is set or -Diovlab.browser.required=true)").isFalse();
            System.err.println("SKIPPED browser test: " + why);
            Assumptions.abort(why);
        }
        return new HeadlessChromium(exe.get(), Files.createDirectories(scratch.resolve("chromium-profile")));
    }

    private static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("iovlab.chromium");
        if (prop != null && !prop.isBlank()) candidates.add(Path.of(prop));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) candidates.add(Path.of(dir, "chromium"));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    Run dumpDom(Path page) throws Exception {
        return run(List.of("--dump-dom", page.toUri().toString()));
    }

    Run screenshot(Path page, Path png, int width, int height) throws Exception {
        return run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png, page.toUri().toString()));
    }

    private Run run(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"));
        cmd.addAll(args);
        Path out = Files.createTempFile(profile.getParent(), "chromium-", ".out"), err = Files.createTempFile(profile.getParent(), "chromium-", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 180 s: " + cmd);
        }
        List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream().filter(l -> l.contains(":CONSOLE")).toList();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), console);
    }
}
