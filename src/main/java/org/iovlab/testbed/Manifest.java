package org.iovlab.testbed;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The write-ahead record of what an instance may have created, kept in
 * {@code <run dir>/<instance>/manifest}: each namespace and cgroup is written (and synced)
 * before it is created, so {@code down} can remove exactly those even after {@code up} died
 * halfway. Nothing is ever removed that is not listed here. The run dir is
 * {@code /run/iovlab} unless the system property {@code iovlab.run.dir} says otherwise.
 */
public record Manifest(Path dir) {
    public static final String FILE = "manifest";

    /** What the manifest lists; {@code helpers} are pids of ip/tc batches that up started (they outlive a killed up). */
    public record Entries(List<String> namespaces, List<String> cgroups, List<Long> helpers) {}

    public static Path runDir() {
        return Path.of(System.getProperty("iovlab.run.dir", "/run/iovlab"));
    }

    public static Manifest of(String instance) {
        return new Manifest(runDir().resolve(new InstanceNames(instance).instance()));
    }

    public boolean exists() {
        return Files.exists(dir.resolve(FILE));
    }

    /** Records the objects about to be created; refuses if the instance already has a manifest. */
    public void begin(List<String> namespaces, List<String> cgroups) {
        StringBuilder text = new StringBuilder();
        namespaces.forEach(ns -> text.append("netns ").append(ns).append('\n'));
        cgroups.forEach(cg -> text.append("cgroup ").append(cg).append('\n'));
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new TestbedException("testbed instance " + dir.getFileName() + " already exists (" + dir.resolve(FILE)
                    + "); run 'iovlab testbed down --instance " + dir.getFileName() + "' first, or use another --instance");
        } catch (IOException e) {
            throw new TestbedException("cannot write the manifest " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    public Entries read() {
        List<String> ns = new ArrayList<>(), cg = new ArrayList<>();
        List<Long> helpers = new ArrayList<>();
        InstanceNames names = new InstanceNames(dir.getFileName().toString());
        try {
            for (String line : Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8)) {
                String[] w = line.strip().split(" ");
                if (w.length == 2 && w[0].equals("helper") && w[1].matches("[0-9]{1,10}")) helpers.add(Long.parseLong(w[1]));
                if (w.length != 2 || !names.owns(w[1])) continue; // a torn last line, or not ours: never touched
                if (w[0].equals("netns")) ns.add(w[1]);
                else if (w[0].equals("cgroup")) cg.add(w[1]);
            }
        } catch (IOException e) {
            throw new TestbedException("cannot read the manifest " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
        return new Entries(ns, cg, helpers);
    }

    /** Appends the pid of a helper process (ip/tc batch) so that down can wait for it. */
    public void recordHelper(long pid) {
        try {
            Files.writeString(dir.resolve(FILE), "helper " + pid + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new TestbedException("cannot append to the manifest " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    public Path stateFile() {
        return dir.resolve("state.json");
    }

    /** Removes the instance's run directory (after everything listed is gone). */
    public void delete() {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        } catch (java.nio.file.NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new TestbedException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
