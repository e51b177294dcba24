package org.iovlab.placement;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.iovlab.scenario.ConfigException;

/**
 * The messages of one time step of the advection solver, each classified by placement.
 *
 * <p>First-order upwind with positive velocities: along every decomposed axis each rank
 * receives one boundary plane (its upstream neighbour's last plane of cells) from the rank
 * below it; boundaries are inflow, not periodic, so a 1-D decomposition of P ranks has P−1
 * messages per step, as in the paper. Planes hold 8-byte doubles. Fields are stored row-major
 * with Z fastest, so a plane normal to X is contiguous when Y and Z are not decomposed (no
 * ghost cells interleave it); every other plane must be packed.
 */
public record MessageAccounting(Decomposition decomposition, Placement placement, List<Message> messages) {

    public static final int BYTES_PER_VALUE = Double.BYTES;

    public record Total(MessageClass type, int messages, long bytes) {}

    public static MessageAccounting upwind(Dims grid, Dims procs, Placement placement) {
        if (procs.volume() != placement.ranks()) {
            throw new ConfigException("--decomp", "decomp", "decomposition " + procs + " has " + procs.volume()
                    + " processes but " + placement.ranks() + " ranks were placed");
        }
        Decomposition dec = new Decomposition(grid, procs);
        List<Message> out = new ArrayList<>();
        for (int rank = 0; rank < placement.ranks(); rank++) {
            int[] c = procs.coordsOf(rank);
            for (int dim = 0; dim < 3; dim++) {
                if (c[dim] == 0) continue;
                int[] up = c.clone();
                up[dim]--;
                int from = procs.rankOf(up[0], up[1], up[2]);
                long values = 1;
                for (int other = 0; other < 3; other++) if (other != dim) values *= dec.extent(other, c[other]);
                boolean contiguous = dim == 0 && procs.y() == 1 && procs.z() == 1;
                out.add(new Message(from, rank, dim, values * BYTES_PER_VALUE, contiguous, placement.classify(from, rank)));
            }
        }
        return new MessageAccounting(dec, placement, out);
    }

    /** Count and bytes per class, every class present (zero where none). */
    public Map<MessageClass, Total> totals() {
        Map<MessageClass, Total> t = new EnumMap<>(MessageClass.class);
        for (MessageClass c : MessageClass.values()) {
            List<Message> of = messages.stream().filter(m -> m.type() == c).toList();
            t.put(c, new Total(c, of.size(), of.stream().mapToLong(Message::bytes).sum()));
        }
        return t;
    }

    public int count(MessageClass c) {
        return totals().get(c).messages();
    }

    public long totalBytes() {
        return messages.stream().mapToLong(Message::bytes).sum();
    }

    public long packedCount() {
        return messages.stream().filter(m -> !m.contiguous()).count();
    }

    /** Share of messages that cross the wire, 0..1 (0 when there are none). */
    public double interHostShare() {
        return messages.isEmpty() ? 0 : (double) count(MessageClass.INTER_HOST) / messages.size();
    }
}
