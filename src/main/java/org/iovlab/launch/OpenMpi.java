package org.iovlab.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.iovlab.testbed.Cgroups;
import org.iovlab.testbed.NodeInfo;
import org.iovlab.testbed.TestbedState;

/**
 * Real Open MPI on a testbed: a hostfile naming the endpoints' namespaces (slots = vCPUs), a
 * launch agent ({@code plm_rsh_agent}) that enters the named namespace (and its cgroups, and a
 * UTS namespace whose host name is the namespace's) instead of ssh-ing to a host, and the tcp BTL and OOB restricted to the testbed's subnet
 * (Open MPI skips loopback and would otherwise pick any interface). mpirun itself runs in the
 * first endpoint's namespace, so its daemons reach it over the testbed.
 */
public final class OpenMpi {
    /** Where Debian's Open MPI keeps libmpi_java.so, for -Djava.library.path of Java ranks. */
    public static final String JAVA_LIBRARY_PATH = "/usr/lib/x86_64-linux-gnu/openmpi/lib";

    private final TestbedState st;
    private final Path workDir;

    /** @param workDir where the hostfile and agent are written (e.g. a temp dir) */
    public OpenMpi(TestbedState st, Path workDir) {
        this.st = st;
        this.workDir = workDir;
    }

    /**
     * Open MPI's mpi.jar: the system property {@code iovlab.mpi.jar}, else
     * {@code $IOVLAB_CACHE or $XDG_CACHE_HOME/iovlab or ~/.cache/iovlab} + {@code /openmpi-*}/mpi.jar
     * (what scripts/setup.sh builds).
     */
    public static Optional<Path> findMpiJar() {
        String prop = System.getProperty("iovlab.mpi.jar");
        if (prop != null && !prop.isBlank()) return Optional.of(Path.of(prop)).filter(Files::isRegularFile);
        String cache = System.getenv("IOVLAB_CACHE");
        if (cache == null || cache.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            cache = (xdg == null || xdg.isBlank() ? System.getProperty("user.home") + "/.cache" : xdg) + "/iovlab";
        }
        try (Stream<Path> dirs = Files.list(Path.of(cache))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("openmpi-")).map(d -> d.resolve("mpi.jar"))
                    .filter(Files::isRegularFile).max(Comparator.naturalOrder());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One line per endpoint: its namespace and its vCPUs as slots. */
    public Path writeHostfile() throws IOException {
        StringBuilder b = new StringBuilder();
        for (NodeInfo n : st.endpoints()) b.append(n.namespace()).append(" slots=").append(Math.max(1, n.shares() / 1024)).append('\n');
        Path f = workDir.resolve("hostfile");
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        return f;
    }

    /**
     * The launch agent. Open MPI calls it as {@code AGENT HOST COMMAND...} as it would ssh; the
     * command is a remote-shell command line built by Open MPI, so it goes to /bin/sh as ssh
     * would pass it. HOST is checked to be one of this project's namespaces before use and is
     * only ever passed as an argument.
     */
    public Path writeAgent() throws IOException {
        String script = """
                #!/bin/sh
                # iovlab: Open MPI launch agent (plm_rsh_agent): runs the daemon in the namespace named
                # like the "host", inside its cgroups, instead of ssh-ing to a host.
                ns=$1; shift
                case $ns in iov[0-9]*) ;; *) echo "iovlab agent: '$ns' is not an iovlab namespace" >&2; exit 1 ;; esac
                case $ns in *[!a-z0-9]*) echo "iovlab agent: bad namespace name '$ns'" >&2; exit 1 ;; esac
                for c in cpuset cpu; do
                  t="CGROOT/$c/$ns/tasks"
                  if [ -w "$t" ]; then echo $$ > "$t" || exit 1; fi
                done
                # Own hostname too (a UTS namespace), as a VM has: Open MPI keys shared-memory
                # segments by host name, and ranks of two VMs would otherwise collide.
                cmd="$*"
                exec ip netns exec "$ns" unshare --uts /bin/sh -c 'hostname "$1" || exit 1; exec /bin/sh -c "$2"' agent "$ns" "$cmd"
                """.replace("CGROOT", Cgroups.root().toString());
        Path f = workDir.resolve("iovlab-ompi-agent");
        Files.writeString(f, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    /** mpirun's argument vector for {@code np} ranks of {@code program} over the endpoints. */
    public List<String> mpirunArgv(int np, List<String> program) throws IOException {
        List<String> argv = new ArrayList<>(List.of("mpirun", "--allow-run-as-root", "--oversubscribe",
                "-np", Integer.toString(np), "--hostfile", writeHostfile().toString(),
                "--mca", "plm_rsh_agent", writeAgent().toString(),
                "--mca", "plm_rsh_no_tree_spawn", "1",
                "--mca", "btl", "self,vader,tcp",
                "--mca", "btl_tcp_if_include", st.network(),
                "--mca", "oob_tcp_if_include", st.network()));
        argv.addAll(program);
        return argv;
    }

    /** The argv of a Java rank: this JVM's java, Open MPI's native library path, mpi.jar plus {@code classpath}. */
    public static List<String> javaRank(Path mpiJar, String classpath, String mainClass, List<String> args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.library.path=" + JAVA_LIBRARY_PATH, "-cp", mpiJar + ":" + classpath, mainClass));
        argv.addAll(args);
        return argv;
    }

    /** Starts mpirun in the first endpoint's namespace. */
    public Launched start(int np, List<String> program, Launcher.Options o) throws IOException {
        return Launcher.start(st.endpoints().get(0), mpirunArgv(np, program), o);
    }
}
