package org.iovlab.testbed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds and kills the processes left inside a testbed's namespaces and cgroups. */
final class Processes {
    private Processes() {}

    /**
     * Waits (then kills) for ip/tc batches an interrupted up left running, so that none of
     * them creates an object after down has looked. A recorded pid that now belongs to some
     * other program is left alone.
     */
    static void awaitHelpers(List<Long> pids) {
        for (long pid : pids) {
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isEmpty() || !isIpOrTc(h.get())) continue;
            try {
                h.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.get().destroyForcibly();
            }
        }
    }

    private static boolean isIpOrTc(ProcessHandle h) {
        String cmd = h.info().command().orElse("");
        String base = cmd.substring(cmd.lastIndexOf('/') + 1);
        return base.equals("ip") || base.equals("tc");
    }

    static void killAll(List<String> namespaces, List<String> cgroups) {
        for (int round = 0; round < 3; round++) {
            List<Long> pids = new ArrayList<>();
            for (String ns : namespaces) {
                Sys.Result r = Sys.tryRun(List.of("ip", "netns", "pids", ns), "");
                if (r.exit() == 0) r.out().lines().filter(s -> !s.isBlank()).map(s -> Long.parseLong(s.strip())).forEach(pids::add);
            }
            cgroups.forEach(cg -> pids.addAll(Cgroups.tasks(cg)));
            long self = ProcessHandle.current().pid();
            pids.removeIf(p -> p == self);
            if (pids.isEmpty()) return;
            List<ProcessHandle> handles = new ArrayList<>();
            for (long pid : pids) {
                Optional<ProcessHandle> h = ProcessHandle.of(pid);
                h.ifPresent(ph -> { ph.destroyForcibly(); handles.add(ph); });
            }
            for (ProcessHandle h : handles) {
                try {
                    h.onExit().get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // zombie of another parent or already reaped; the next round looks again
                }
            }
        }
    }
}
