package org.iovlab.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SIGKILL of {@code iovlab testbed up} at random points, then down: nothing may remain. */
@Tag("root")
class KillDuringUpRootTest {
    static final String INSTANCE = "92";

    static Process startUp(String datapath) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.iovlab.cli.Main",
                "testbed", "up", "-s", "paper", "-d", datapath, "-P", "xen-2010", "-i", INSTANCE)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void killedAnywhereThenDownLeavesNothing() throws Exception {
        // How long a whole up takes from JVM start, to spread the kills over it.
        long t0 = System.nanoTime();
        Process full = startUp("bridged");
        assertThat(full.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(full.exitValue()).isZero();
        long fullMs = (System.nanoTime() - t0) / 1_000_000;
        Testbeds.down(INSTANCE);
        assertThat(Leaks.of(INSTANCE)).isEmpty();

        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        List<String> paths = List.of("bridged", "iov", "native");
        for (int i = 0; i < 8; i++) {
            long at = (long) (fullMs * (0.7 + 0.35 * rnd.nextDouble()));
            Process p = startUp(paths.get(i % 3));
            Thread.sleep(at);
            p.destroyForcibly();
            p.waitFor();
            List<String> left = Leaks.of(INSTANCE);
            Testbeds.down(INSTANCE);
            System.out.printf("[testbed] kill -9 of up (%s) after %d ms of ~%d ms (seed %d): %d objects before down, %s after%n",
                    paths.get(i % 3), at, fullMs, seed, left.size(), Leaks.of(INSTANCE));
            assertThat(Leaks.of(INSTANCE)).as("leaks after kill at %d ms, seed %d", at, seed).isEmpty();
        }
    }
}
