package org.iovlab.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Problem;

/**
 * One run's results directory: {@code run.json} (the {@link RunInfo}), {@code records.jsonl}
 * (one {@link Measurement} per line, in the order measured) and {@code csv/<kind>.csv}.
 *
 * <p>{@link #append} replaces records.jsonl atomically ({@link AtomicFiles}): the old content
 * plus the new line go to a temporary file, fsynced, renamed over the old one. A run killed at
 * any moment leaves the file as it was before or after the append, never a partial line. The
 * cost is a rewrite of the file per record; a run holds a few hundred records of a few KiB, so
 * that is a few MiB written per append at most. One process writes a directory at a time.
 */
public final class ResultsDir {
    public static final String RUN = "run.json";
    public static final String RECORDS = "records.jsonl";
    public static final String CSV = "csv";

    private final Path dir;
    private final RunInfo info;
    private final List<Measurement> measurements;
    private final Map<String, Integer> countByPoint = new HashMap<>();
    private byte[] recordsBytes;

    private ResultsDir(Path dir, RunInfo info, List<Measurement> measurements, byte[] recordsBytes) {
        this.dir = dir;
        this.info = info;
        this.measurements = new ArrayList<>(measurements);
        this.recordsBytes = recordsBytes;
        measurements.forEach(m -> countByPoint.merge(m.point(), 1, Integer::sum));
    }

    /**
     * Creates {@code dir} (if needed) for a new run and writes run.json. If the directory already
     * holds the same run (see {@link RunInfo#sameRunAs}) it is opened as it is, records kept; if it
     * holds a different run, or other files, this fails with a {@link ConfigException}.
     */
    public static ResultsDir create(Path dir, RunInfo info) {
        Path run = dir.resolve(RUN);
        if (Files.isRegularFile(run)) {
            ResultsDir existing = open(dir);
            if (!existing.info.sameRunAs(info)) {
                throw new ConfigException(run.toString(), "", "holds a different run (" + describe(existing.info) + "; this one: "
                        + describe(info) + "): choose another directory, or resume that run");
            }
            return existing;
        }
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    List<String> others = s.map(p -> p.getFileName().toString()).sorted().limit(5).toList();
                    if (!others.isEmpty())
                        throw new ConfigException(dir.toString(), "", "is not empty and not a results directory (no " + RUN
                                + "; holds " + String.join(", ", others) + "): choose an empty or new directory");
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(run, RecordCodec.runJson(info));
        return new ResultsDir(dir, info, List.of(), new byte[0]);
    }

    /** Reads run.json and records.jsonl; every malformed line or field is reported with file and line. */
    public static ResultsDir open(Path dir) {
        Path run = dir.resolve(RUN), records = dir.resolve(RECORDS);
        if (!Files.isDirectory(dir)) throw new ConfigException(dir.toString(), "", "no such results directory");
        if (!Files.isRegularFile(run)) throw new ConfigException(run.toString(), "", "missing: not a results directory");
        List<Problem> problems = new ArrayList<>();
        RunInfo info = RecordCodec.runFrom(read(run), run.toString(), problems);
        byte[] bytes = Files.isRegularFile(records) ? readBytes(records) : new byte[0];
        List<Measurement> ms = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            Measurement m = RecordCodec.fromLine(lines[i], records.toString(), i + 1, problems);
            if (m == null) continue;
            Integer first = lineOfId.putIfAbsent(m.id(), i + 1);
            if (first != null) problems.add(new Problem(records.toString(), i + 1, 0, "id", "'" + m.id() + "' already recorded on line " + first));
            else ms.add(m);
        }
        if (!problems.isEmpty()) throw new ConfigException(problems.size() > 20 ? problems.subList(0, 20) : problems);
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n')
            bytes = (new String(bytes, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        return new ResultsDir(dir, info, ms, bytes);
    }

    public Path dir() {
        return dir;
    }

    public RunInfo info() {
        return info;
    }

    /** Every record, in the order appended. */
    public List<Measurement> measurements() {
        return Collections.unmodifiableList(measurements);
    }

    /** How many repetitions of {@code point} are recorded. */
    public int count(String point) {
        return countByPoint.getOrDefault(point, 0);
    }

    public boolean contains(String id) {
        return measurements.stream().anyMatch(m -> m.id().equals(id));
    }

    /** Adds one record, atomically (see the class comment). An id already recorded is an error. */
    public synchronized void append(Measurement m) {
        if (contains(m.id())) throw new IllegalStateException("record " + m.id() + " is already in " + dir.resolve(RECORDS));
        byte[] line = (RecordCodec.toLine(m) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] next = new byte[recordsBytes.length + line.length];
        System.arraycopy(recordsBytes, 0, next, 0, recordsBytes.length);
        System.arraycopy(line, 0, next, recordsBytes.length, line.length);
        AtomicFiles.write(dir.resolve(RECORDS), next);
        recordsBytes = next;
        measurements.add(m);
        countByPoint.merge(m.point(), 1, Integer::sum);
    }

    /** Planned points with fewer than {@code reps} records, in plan order. */
    public List<PlannedPoint> missing() {
        return info.planned().stream().filter(p -> count(p.point()) < info.reps()).toList();
    }

    /** Writes {@code csv/<kind>.csv} for every kind recorded (see {@link CsvExport}). */
    public void exportCsv() {
        Map<String, List<Measurement>> byKind = new LinkedHashMap<>();
        for (Measurement m : measurements) byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m);
        byKind.forEach((kind, ms) -> AtomicFiles.write(dir.resolve(CSV).resolve(kind + ".csv"),
                CsvExport.csv(ms).getBytes(StandardCharsets.UTF_8)));
    }

    private static String describe(RunInfo i) {
        return "scenario " + i.scenario() + (i.profile().isEmpty() ? "" : ", profile " + i.profile()) + (i.quick() ? ", quick" : "")
                + ", " + i.reps() + " reps, " + i.planned().size() + " points";
    }

    private static String read(Path p) {
        return new String(readBytes(p), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
