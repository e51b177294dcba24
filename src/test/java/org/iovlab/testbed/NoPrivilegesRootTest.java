package org.iovlab.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Without CAP_NET_ADMIN/CAP_SYS_ADMIN (dropped with setpriv, so it needs root to start): clear errors, other commands work. */
@Tag("root")
class NoPrivilegesRootTest {
    static String[] run(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of("setpriv", "--bounding-set=-net_admin,-sys_admin", "--inh-caps=-net_admin,-sys_admin",
                java, "-cp", System.getProperty("java.class.path"), "org.iovlab.cli.Main"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {Integer.toString(p.exitValue()), out};
    }

    @Test
    void upNamesWhatIsMissingAndNoTestbedCommandsStillWork() throws Exception {
        String[] up = run("testbed", "up", "-i", "94");
        assertThat(up[0]).isEqualTo("1");
        assertThat(up[1]).contains("testbed up needs root (or capabilities) and tools this process lacks: CAP_NET_ADMIN")
                .contains("CAP_SYS_ADMIN (to create and enter network namespaces)");
        assertThat(Leaks.of("94")).isEmpty();
        assertThat(run("testbed", "up", "-i", "94", "--dry-run")[0]).isEqualTo("0");
        assertThat(run("scenario", "show", "paper")[0]).isEqualTo("0");
        assertThat(run("testbed", "status", "-i", "94")[1]).contains("no testbed instance 94");
    }
}
