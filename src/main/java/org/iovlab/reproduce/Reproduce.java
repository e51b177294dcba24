package org.iovlab.reproduce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.iovlab.results.Measurement;
import org.iovlab.results.ResultsDir;
import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenario;
import org.iovlab.testbed.profile.Profile;

/**
 * Runs an {@link Experiment} into a results directory: brings up a testbed per data path that
 * still has something to measure, measures every missing repetition of every point, the data
 * paths of one point back to back in an order that rotates with the repetition (so slow drift
 * of a noisy machine spreads over all of them), appends each record the moment it exists, and
 * takes the testbeds down, also on failure or Ctrl-C. A point that fails is reported and the
 * run goes on; what is missing afterwards is what {@code --resume} measures.
 */
public final class Reproduce {
    private Reproduce() {}

    /** Hears what the run does (a progress bar, a log). */
    public interface Listener {
        void planned(int tasks, int alreadyMeasured);

        void starting(String task);

        void finished(String task, boolean ok);

        void log(String line);
    }

    /** What a run did: repetitions measured now, those found measured already, and each failure. */
    public record Outcome(int measured, int skipped, List<String> failures, boolean interrupted) {}

    /** One repetition of one point. */
    record Task(Point point, int rep) {
        String label() {
            String what = point.kind() == Point.Kind.STREAM ? "multi-pair stream + iperf3"
                    : "advect " + point.placement() + " " + point.decomp();
            return point.datapath().name() + " " + what + " (rep " + rep + ")";
        }
    }

    /** The tasks still missing from {@code measured} record ids, in run order. */
    static List<Task> missing(Experiment e, Set<String> measured) {
        List<Task> out = new ArrayList<>();
        for (int rep = 1; rep <= e.reps(); rep++) {
            // Points of one group differ only in their data path; run them together, rotated by rep.
            Map<String, List<Point>> groups = new LinkedHashMap<>();
            for (Point p : e.points()) groups.computeIfAbsent(p.id().replace("/" + p.datapath().id(), ""), k -> new ArrayList<>()).add(p);
            for (List<Point> g : groups.values()) {
                List<Point> order = new ArrayList<>(g);
                Collections.rotate(order, -(rep - 1));
                for (Point p : order) {
                    boolean done = measured.contains(p.id() + "#" + rep)
                            && (p.kind() != Point.Kind.STREAM || measured.contains(p.iperf3Id() + "#" + rep));
                    if (!done) out.add(new Task(p, rep));
                }
            }
        }
        return out;
    }

    public static Outcome run(Experiment e, Profile profile, ResultsDir dir, int instanceBase, Listener l) {
        Set<String> measured = dir.measurements().stream().map(Measurement::id).collect(Collectors.toSet());
        List<Task> todo = missing(e, measured);
        int total = e.points().size() * e.reps();
        l.planned(todo.size(), total - todo.size());
        if (todo.isEmpty()) return new Outcome(0, total, List.of(), false);

        Map<DataPath, Scenario> needed = new EnumMap<>(DataPath.class);
        for (Task t : todo) needed.computeIfAbsent(t.point().datapath(), dp -> e.dilation().apply(e.scenario().withDatapath(dp).resolved()));
        Stop stop = new Stop();
        Runtime.getRuntime().addShutdownHook(stop);
        List<String> failures = new ArrayList<>();
        int done = 0;
        try (Cluster cluster = Cluster.up(needed, e.dilation().apply(profile), instanceBase, l::log)) {
            for (Task t : todo) {
                if (stop.requested) break;
                l.starting(t.label());
                boolean ok = false;
                try {
                    List<Measurement> ms = switch (t.point().kind()) {
                        case STREAM -> Measure.stream(e, t.point(), t.rep(), cluster.state(t.point().datapath()), line -> { });
                        case ADVECT -> List.of(Measure.advect(e, t.point(), t.rep(), cluster.state(t.point().datapath())));
                    };
                    for (Measurement m : ms) if (!measured.contains(m.id())) dir.append(m);
                    done++;
                    ok = true;
                } catch (Exception x) {
                    if (stop.requested) break;
                    String why = t.label() + ": " + x.getMessage();
                    failures.add(why);
                    l.log("failed: " + why);
                } finally {
                    l.finished(t.label(), ok);
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // interrupted: the hook has run
            }
        }
        return new Outcome(done, total - todo.size(), failures, stop.requested);
    }

    /** Set when the JVM is going down (Ctrl-C, SIGTERM): the loop stops starting new measurements. */
    private static final class Stop extends Thread {
        volatile boolean requested;

        Stop() {
            super("iovlab-reproduce-stop");
        }

        @Override
        public void run() {
            requested = true;
        }
    }
}
