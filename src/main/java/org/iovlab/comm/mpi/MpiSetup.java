package org.iovlab.comm.mpi;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the pieces of the optional mpi backend are: {@code mpirun}, Open MPI's Java bindings
 * ({@code mpi.jar}, built by scripts/setup.sh from Debian's source, and {@code libmpi_java.so}),
 * and iovlab's own mpi classes (compiled only with {@code -Dmpi.jar=PATH}).
 *
 * @param mpirun the mpirun executable, if found on PATH
 * @param mpiJar mpi.jar: property {@code iovlab.mpi.jar}, else env {@code IOVLAB_MPI_JAR}, else the
 *     newest {@code <cache>/openmpi-<version>/mpi.jar} (cache: {@code $IOVLAB_CACHE}, else
 *     {@code $XDG_CACHE_HOME/iovlab}, else {@code ~/.cache/iovlab})
 * @param libDir the directory of libmpi_java.so: property {@code iovlab.mpi.libdir}, env
 *     {@code IOVLAB_MPI_LIBDIR}, else Debian's {@code /usr/lib/<arch>-linux-gnu/openmpi/lib}
 */
public record MpiSetup(Optional<Path> mpirun, Optional<Path> mpiJar, Optional<Path> libDir, boolean backendCompiled) {

    static final String RANK_MAIN = "org.iovlab.comm.mpi.MpiRankMain";

    public static MpiSetup find() {
        return new MpiSetup(onPath("mpirun"), findMpiJar(), findLibDir(), compiled());
    }

    /** What is missing, one sentence each; empty when the mpi backend can run. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (mpirun.isEmpty()) p.add("mpirun is not on PATH (install Debian's openmpi-bin and libopenmpi-dev)");
        if (mpiJar.isEmpty()) {
            p.add("Open MPI's Java bindings (mpi.jar) were not found: run scripts/setup.sh, or set IOVLAB_MPI_JAR"
                    + " or -Diovlab.mpi.jar to its path");
        }
        if (libDir.isEmpty()) p.add("libmpi_java.so was not found (install libopenmpi-dev, or set IOVLAB_MPI_LIBDIR)");
        if (!backendCompiled) {
            p.add("this iovlab was built without its mpi backend: rebuild with -Dmpi.jar=PATH (bin/iovlab and"
                    + " scripts/setup.sh do)");
        }
        return p;
    }

    /** Throws an {@link IllegalStateException} listing what is missing, if anything is. */
    public MpiSetup require() {
        List<String> p = problems();
        if (!p.isEmpty()) throw new IllegalStateException("the mpi backend cannot run: " + String.join("; ", p));
        return this;
    }

    /** iovlab's mpi classes are on the classpath (mpi.jar itself is added to the ranks' classpath at run time). */
    private static boolean compiled() {
        return MpiSetup.class.getClassLoader().getResource(RANK_MAIN.replace('.', '/') + ".class") != null;
    }

    static Optional<Path> onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, exe);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static Optional<Path> findMpiJar() {
        Optional<Path> given = setting("iovlab.mpi.jar", "IOVLAB_MPI_JAR");
        if (given.isPresent()) return given.filter(Files::isRegularFile);
        Path cache = cacheDir();
        if (!Files.isDirectory(cache)) return Optional.empty();
        try (Stream<Path> dirs = Files.list(cache)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("openmpi-"))
                    .map(d -> d.resolve("mpi.jar")).filter(Files::isRegularFile)
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path cacheDir() {
        String own = System.getenv("IOVLAB_CACHE");
        if (own != null && !own.isBlank()) return Path.of(own);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "iovlab");
        return Path.of(System.getProperty("user.home"), ".cache", "iovlab");
    }

    private static Optional<Path> findLibDir() {
        Optional<Path> given = setting("iovlab.mpi.libdir", "IOVLAB_MPI_LIBDIR");
        List<Path> candidates = given.map(List::of).orElseGet(() -> List.of(
                Path.of("/usr/lib/" + arch() + "-linux-gnu/openmpi/lib"), Path.of("/usr/lib64/openmpi/lib")));
        return candidates.stream().filter(d -> Files.exists(d.resolve("libmpi_java.so"))).findFirst();
    }

    private static String arch() {
        String a = System.getProperty("os.arch");
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> a;
        };
    }

    private static Optional<Path> setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(env);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Path.of(v));
    }
}
