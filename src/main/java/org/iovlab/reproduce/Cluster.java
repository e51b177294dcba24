package org.iovlab.reproduce;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.iovlab.scenario.DataPath;
import org.iovlab.scenario.Scenario;
import org.iovlab.testbed.Cgroups;
import org.iovlab.testbed.Plan;
import org.iovlab.testbed.Planner;
import org.iovlab.testbed.TestbedState;
import org.iovlab.testbed.Testbeds;
import org.iovlab.testbed.profile.Profile;

/**
 * The emulated cluster of one reproduce run: a live testbed per data path, all up at once (each
 * instance has namespaces, wires and shapers of its own), so that the data paths' measurements
 * can be interleaved and compared within one run. Closing it takes every instance down; so does
 * a shutdown hook on Ctrl-C or SIGTERM. After a SIGKILL, the next run (or {@code iovlab testbed
 * down -i ID}) removes what is left, by the instances' manifests.
 */
final class Cluster implements AutoCloseable {
    private final Map<DataPath, TestbedState> live = new EnumMap<>(DataPath.class);
    private final List<String> instances = new ArrayList<>();
    private final Thread hook = new Thread(this::downAll, "iovlab-reproduce-down");
    private final Consumer<String> log;

    private Cluster(Consumer<String> log) {
        this.log = log;
    }

    /** The instance id a data path uses: {@code base} + its ordinal (one or two digits). */
    static String instance(int base, DataPath dp) {
        return Integer.toString(base + dp.ordinal());
    }

    /**
     * Brings up one testbed per data path in {@code scenarios} (each resolved with its data path);
     * instances left by an earlier killed run under the same ids are removed first.
     */
    static Cluster up(Map<DataPath, Scenario> scenarios, Profile profile, int base, Consumer<String> log) {
        Cluster c = new Cluster(log);
        Runtime.getRuntime().addShutdownHook(c.hook);
        try {
            for (var e : scenarios.entrySet()) {
                String id = instance(base, e.getKey());
                c.instances.add(id);
                if (Testbeds.down(id)) log.accept("removed testbed " + id + ", left over by an earlier run");
                Scenario s = e.getValue();
                Plan plan = Planner.plan(s, id, profile, true, Cgroups.machineCpus(), false);
                long t0 = System.nanoTime();
                c.live.put(e.getKey(), Testbeds.up(plan, s.network().toString()));
                log.accept(String.format("testbed %s up (%s, profile %s) in %d ms", id, e.getKey().id(), profile.name(),
                        (System.nanoTime() - t0) / 1_000_000));
            }
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    TestbedState state(DataPath dp) {
        TestbedState s = live.get(dp);
        if (s == null) throw new IllegalStateException("no testbed for " + dp + " in this run");
        return s;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it takes the instances down
        }
        downAll();
    }

    private synchronized void downAll() {
        for (String id : instances) {
            try {
                if (Testbeds.down(id)) log.accept("testbed " + id + " down");
            } catch (RuntimeException e) {
                log.accept("testbed " + id + " could not be taken down: " + e.getMessage() + " (run 'iovlab testbed down -i " + id + "')");
            }
        }
        instances.clear();
        live.clear();
    }
}
