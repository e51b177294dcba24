package org.iovlab.app;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;

import org.iovlab.comm.Comm;
import org.iovlab.placement.Dims;

/**
 * The ghost-plane exchange of one rank along a set of axes: for upwind only towards the upper
 * neighbour (each rank receives its lower neighbour's last plane), for Lax–Wendroff both ways.
 * Planes span the block's interior along the two other axes (no corners: neither scheme has a
 * diagonal stencil) and are always packed, since the block's own ghost rim interleaves even a
 * plane normal to X. Buffers and the request array are made once; a step allocates nothing here
 * beyond what the backend's requests cost.
 */
final class Halo {
    /** A plane to send or a ghost plane to fill: along {@code dim}, at local index {@code plane}. */
    record Link(int dim, int plane, int peer, int tag, int values, DoubleBuffer buffer) {}

    private static final int TAG_UP = 100, TAG_DOWN = 200;

    private final Comm comm;
    private final Block block;
    private final Timers timers;
    private final List<Link> sends = new ArrayList<>(), recvs = new ArrayList<>();
    private final Comm.Request[] requests;

    Halo(Comm comm, Dims procs, Block block, boolean[] axes, boolean bothWays, Timers timers) {
        this.comm = comm;
        this.block = block;
        this.timers = timers;
        int[] c = procs.coordsOf(comm.rank());
        for (int d = 0; d < 3; d++) {
            if (!axes[d]) continue;
            int n = block.extent(d);
            int lower = neighbour(procs, c, d, -1), upper = neighbour(procs, c, d, +1);
            if (upper >= 0) sends.add(link(d, n - 1, upper, TAG_UP + d));
            if (lower >= 0) recvs.add(link(d, -1, lower, TAG_UP + d));
            if (bothWays && lower >= 0) sends.add(link(d, 0, lower, TAG_DOWN + d));
            if (bothWays && upper >= 0) recvs.add(link(d, n, upper, TAG_DOWN + d));
        }
        requests = new Comm.Request[sends.size() + recvs.size()];
    }

    static int neighbour(Dims procs, int[] c, int dim, int delta) {
        int[] n = c.clone();
        n[dim] += delta;
        if (n[dim] < 0 || n[dim] >= procs.get(dim)) return -1;
        return procs.rankOf(n[0], n[1], n[2]);
    }

    private Link link(int dim, int plane, int peer, int tag) {
        int values = (int) (block.cells() / block.extent(dim));
        return new Link(dim, plane, peer, tag, values, comm.allocate(values));
    }

    boolean hasLower(int dim) {
        return recvs.stream().anyMatch(l -> l.dim() == dim && l.plane() == -1);
    }

    boolean hasUpper(int dim) {
        return recvs.stream().anyMatch(l -> l.dim() == dim && l.plane() == block.extent(dim));
    }

    List<Link> sends() {
        return List.copyOf(sends);
    }

    /** Posts every receive, then packs and posts every send of {@code u}. */
    void start(double[] u) {
        int r = 0;
        for (int i = 0; i < recvs.size(); i++) {
            Link l = recvs.get(i);
            l.buffer().clear().limit(l.values());
            requests[r++] = comm.irecv(l.buffer(), l.peer(), l.tag());
        }
        for (int i = 0; i < sends.size(); i++) {
            Link l = sends.get(i);
            long t0 = System.nanoTime();
            copy(u, l, true);
            l.buffer().clear().limit(l.values());
            timers.add(Timers.PACK, System.nanoTime() - t0);
            requests[r++] = comm.isend(l.buffer(), l.peer(), l.tag());
        }
    }

    /**
     * Lets the backend progress the transfers without blocking: backends that progress only
     * inside calls (tcp, like MPI without a progress thread) need this to overlap at all.
     */
    void poke() {
        for (Comm.Request r : requests) r.test();
    }

    /** Waits for every transfer of this exchange, then unpacks the ghost planes into {@code u}. */
    void finish(double[] u) {
        if (requests.length == 0) return;
        long t0 = System.nanoTime();
        comm.waitAll(requests);
        long t1 = System.nanoTime();
        timers.add(Timers.WAIT, t1 - t0);
        if (recvs.isEmpty()) return;
        for (int i = 0; i < recvs.size(); i++) copy(u, recvs.get(i), false);
        timers.add(Timers.UNPACK, System.nanoTime() - t1);
    }

    /** Copies a plane between the field and a buffer, in (i, j, k) order, by absolute index. */
    private void copy(double[] u, Link l, boolean pack) {
        DoubleBuffer buf = l.buffer();
        Block b = block;
        int pos = 0;
        switch (l.dim()) {
            case 0 -> {
                for (int j = 0; j < b.ny(); j++, pos += b.nz()) rows(u, b.index(l.plane(), j, 0), buf, pos, b.nz(), pack);
            }
            case 1 -> {
                for (int i = 0; i < b.nx(); i++, pos += b.nz()) rows(u, b.index(i, l.plane(), 0), buf, pos, b.nz(), pack);
            }
            default -> {
                for (int i = 0; i < b.nx(); i++) {
                    for (int j = 0; j < b.ny(); j++, pos++) {
                        int c = b.index(i, j, l.plane());
                        if (pack) buf.put(pos, u[c]);
                        else u[c] = buf.get(pos);
                    }
                }
            }
        }
    }

    private static void rows(double[] u, int at, DoubleBuffer buf, int pos, int n, boolean pack) {
        if (pack) buf.put(pos, u, at, n);
        else buf.get(pos, u, at, n);
    }
}
