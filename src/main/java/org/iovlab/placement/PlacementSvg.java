package org.iovlab.placement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.scenario.Host;
import org.iovlab.scenario.Scenario;
import org.iovlab.scenario.Vm;

/**
 * Draws a placement in the manner of the paper's Figure 1: hosts side by side, their VMs
 * stacked inside, ranks as numbered circles in their VMs, and each message of one time step
 * as a line coloured by class. Plain SVG 1.1, no scripts, no external references.
 */
public final class PlacementSvg {
    private PlacementSvg() {}

    private static final int RANK_R = 13, RANK_GAP = 34, VM_H = 54, VM_GAP = 14, PAD = 16, TITLE_H = 34;

    public static String colour(MessageClass c) {
        return switch (c) {
            case INTRA_VM -> "#2a9d2a";
            case INTER_VM -> "#1f5fbf";
            case INTER_HOST -> "#d62728";
        };
    }

    public static String render(MessageAccounting acc) {
        Placement p = acc.placement();
        Scenario s = p.scenario();
        int maxVcpus = s.vms().stream().mapToInt(Vm::vcpus).max().orElse(1);
        int vmW = Math.max(120, maxVcpus * RANK_GAP + 2 * PAD);
        int hostW = vmW + 2 * PAD, hostGap = 90;
        int maxVms = s.hosts().stream().mapToInt(h -> s.vmsOn(h.name()).size()).max().orElse(1);
        int hostH = TITLE_H + maxVms * (VM_H + VM_GAP) + PAD;
        int width = s.hosts().size() * (hostW + hostGap) - hostGap + 2 * PAD;
        int legendY = PAD + hostH + 28;
        int height = legendY + 3 * 20 + PAD;
        width = Math.max(width, 380);

        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        b.append("<defs>");
        for (MessageClass c : MessageClass.values()) {
            b.append(String.format("<marker id=\"arrow-%s\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"6\" "
                    + "markerHeight=\"6\" orient=\"auto\"><path d=\"M0 0 L8 4 L0 8 z\" fill=\"%s\"/></marker>", c.id(), colour(c)));
        }
        b.append("</defs>\n");
        b.append("<title>").append(esc("Placement " + p.label() + " of " + p.ranks() + " ranks on scenario " + s.name()
                + ", decomposition " + acc.decomposition().procs())).append("</title>\n");
        Map<Integer, int[]> centre = new HashMap<>();
        for (int hi = 0; hi < s.hosts().size(); hi++) {
            Host h = s.hosts().get(hi);
            int hx = PAD + hi * (hostW + hostGap), hy = PAD;
            b.append(String.format("<g class=\"host\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"8\" fill=\"#f4f4f4\" stroke=\"#555\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s (%d cores)</text></g>%n",
                    hx, hy, hostW, hostH, hx + PAD, hy + 22, esc(h.name()), h.cores()));
            List<Vm> vms = s.vmsOn(h.name());
            for (int vi = 0; vi < vms.size(); vi++) {
                Vm vm = vms.get(vi);
                int vx = hx + PAD, vy = hy + TITLE_H + vi * (VM_H + VM_GAP);
                b.append(String.format("<g class=\"vm\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"5\" fill=\"#fff\" stroke=\"#999\"/>"
                        + "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s</text></g>%n", vx, vy, vmW, VM_H, vx + 6, vy + 14, esc(vm.name())));
                List<Integer> ranks = p.ranksOn(vm.name());
                for (int k = 0; k < ranks.size(); k++) {
                    centre.put(ranks.get(k), new int[] {vx + PAD + RANK_R + k * RANK_GAP, vy + VM_H - RANK_R - 6});
                }
            }
        }
        for (Message m : acc.messages()) {
            int[] a = centre.get(m.from()), c = centre.get(m.to());
            // Bow the line so that messages inside one VM, and parallel ones, stay visible.
            int mx = (a[0] + c[0]) / 2, my = (a[1] + c[1]) / 2 - (m.type() == MessageClass.INTRA_VM ? 22 : 10 + 4 * m.dim());
            // End the arrow at the receiver's rim, not its centre.
            double dx = c[0] - mx, dy = c[1] - my, len = Math.max(1, Math.hypot(dx, dy));
            int ex = (int) Math.round(c[0] - dx / len * RANK_R), ey = (int) Math.round(c[1] - dy / len * RANK_R);
            b.append(String.format("<path class=\"msg %s\" d=\"M%d %d Q%d %d %d %d\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\" "
                    + "opacity=\"0.85\" marker-end=\"url(#arrow-%s)\"><title>rank %d to %d, axis %c, %d bytes, %s</title></path>%n",
                    m.type().id(), a[0], a[1], mx, my, ex, ey, colour(m.type()), m.type().id(), m.from(), m.to(),
                    "XYZ".charAt(m.dim()), m.bytes(), m.type().id()));
        }
        for (var e : centre.entrySet()) {
            int[] c = e.getValue();
            b.append(String.format("<g class=\"rank\"><circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"#ffe9a8\" stroke=\"#333\"/>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%d</text></g>%n",
                    c[0], c[1], RANK_R, c[0], c[1] + 4, e.getKey()));
        }
        int ly = legendY;
        for (MessageAccounting.Total t : acc.totals().values()) {
            b.append(String.format("<g class=\"legend\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s: %d of %d messages per step (%s)</text></g>%n",
                    PAD, ly, PAD + 24, ly, colour(t.type()), PAD + 30, ly + 4, t.type().id(), t.messages(),
                    acc.messages().size(), org.iovlab.scenario.Quantities.binary(t.bytes())));
            ly += 20;
        }
        return b.append("</svg>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
