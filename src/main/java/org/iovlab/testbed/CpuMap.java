package org.iovlab.testbed;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.iovlab.scenario.Host;
import org.iovlab.scenario.Scenario;

/**
 * Maps the scenario's declared cores onto the machine's real ones: each host gets a share of
 * the real CPUs proportional to its declared cores (at least one; hosts share CPUs when there
 * are more hosts than CPUs), and its VMs run on their host's CPUs with a cpu.shares weight of
 * 1024 per vCPU. With {@code quota}, a VM is also capped at vcpus × (host's real CPUs /
 * host's declared cores) CPUs via CFS quota. What is not emulated: distinct physical vCPUs
 * when a host has fewer real CPUs than a VM has vCPUs, and the hypervisor's scheduler.
 */
public final class CpuMap {
    public static final long PERIOD_MICROS = 100_000;

    private CpuMap() {}

    /** The real CPUs of each host, in scenario order. */
    public static List<List<Integer>> hostCpus(Scenario s, List<Integer> realCpus) {
        if (realCpus.isEmpty()) throw new IllegalArgumentException("no CPUs");
        int n = realCpus.size();
        int total = s.hosts().stream().mapToInt(Host::cores).sum();
        List<List<Integer>> out = new ArrayList<>();
        int start = 0;
        for (Host h : s.hosts()) {
            int end = start + h.cores();
            int from = (int) ((long) n * start / total);
            int to = (int) ((long) n * end / total);
            List<Integer> mine = new ArrayList<>();
            for (int i = from; i < to; i++) mine.add(realCpus.get(i));
            if (mine.isEmpty()) mine.add(realCpus.get(Math.min(from, n - 1)));
            out.add(List.copyOf(mine));
            start = end;
        }
        return out;
    }

    /** CFS quota for a VM, or -1 for none. */
    public static long vmQuota(int vcpus, int hostDeclaredCores, int hostRealCpus, boolean capped) {
        if (!capped) return -1;
        return Math.max(1000, PERIOD_MICROS * vcpus * hostRealCpus / hostDeclaredCores);
    }

    /** {@code 0-1,3} style list as the kernel writes it. */
    public static String format(List<Integer> cpus) {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Parses the kernel's cpu list format ({@code 0-3,5}). */
    public static List<Integer> parse(String list) {
        List<Integer> out = new ArrayList<>();
        for (String part : list.strip().split(",")) {
            if (part.isEmpty()) continue;
            String[] r = part.split("-");
            int a = Integer.parseInt(r[0]);
            int b = r.length > 1 ? Integer.parseInt(r[1]) : a;
            for (int i = a; i <= b; i++) out.add(i);
        }
        return out;
    }
}
