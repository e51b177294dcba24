package org.iovlab.testbed;

import java.util.List;

import org.iovlab.scenario.Ipv4;
import org.iovlab.testbed.profile.Hop;

/**
 * One step of building a testbed. Each knows the namespace it runs in (null: the initial
 * one, where only namespaces are added; links are created directly inside their namespaces)
 * and renders itself as one line of {@code ip -batch} or {@code tc -batch}: plain words, no
 * shell. Every name is checked by {@link InstanceNames} before it gets here.
 */
public sealed interface Op {
    /** Namespace the op is about, or null for the initial namespace. */
    String ns();

    /** Namespace whose {@code ip -batch} runs the op: null (the initial one) for ops that name their target namespace. */
    default String runsIn() {
        return ns();
    }

    record AddNamespace(String name) implements Op {
        public String ns() { return null; }
    }

    /** A veth pair created with each end already in its namespace. */
    record AddVeth(String ns, String name, String peerNs, String peer) implements Op {
        public String runsIn() { return null; }
    }

    record AddBridge(String ns, String name) implements Op {
        public String runsIn() { return null; }
    }

    record Enslave(String ns, String dev, String bridge, boolean hairpin) implements Op {}

    /** A macvlan on {@code lower} (in {@code ns}) created directly inside {@code targetNs}. */
    record AddMacvlan(String ns, String lower, String name, String targetNs, String mode) implements Op {}

    /**
     * A real network device (an SR-IOV virtual function) moved from the initial namespace into
     * {@code ns}. iovlab did not create it and never deletes it: when {@code ns} is deleted the
     * kernel moves a physical device back to the initial namespace.
     */
    record MoveDevice(String ns, String dev) implements Op {
        public String runsIn() { return null; }
    }

    record AddAddress(String ns, String dev, Ipv4 address, int prefixLength) implements Op {}

    record LinkUp(String ns, String dev) implements Op {}

    /** Egress shaping of {@code dev}; {@code hop} always shapes something. */
    record Shape(String ns, String dev, Hop hop, String why) implements Op {
        public Shape {
            if (!hop.shapes()) throw new IllegalArgumentException("a Shape op needs a rate or a latency: " + dev);
        }
    }

    /** A cgroup named {@code name} under the cpuset and cpu controllers. */
    record AddCgroup(String name, String cpus, int shares, long quotaMicros) implements Op {
        public String ns() { return null; }
    }

    /** The {@code ip -batch} lines of an op (empty for ops that ip does not do). */
    static List<String> ipLines(Op op) {
        return switch (op) {
            case AddNamespace a -> List.of("netns add " + a.name());
            case AddVeth v -> List.of("link add " + v.name() + " netns " + v.ns() + " type veth peer name " + v.peer()
                    + " netns " + v.peerNs());
            case AddBridge b -> List.of("link add " + b.name() + " netns " + b.ns() + " type bridge forward_delay 0 stp_state 0");
            case Enslave e -> e.hairpin()
                    ? List.of("link set " + e.dev() + " master " + e.bridge(), "link set " + e.dev() + " type bridge_slave hairpin on")
                    : List.of("link set " + e.dev() + " master " + e.bridge());
            case AddMacvlan m -> List.of("link add link " + m.lower() + " name " + m.name() + " netns " + m.targetNs()
                    + " type macvlan mode " + m.mode());
            case MoveDevice d -> List.of("link set " + d.dev() + " netns " + d.ns());
            case AddAddress a -> List.of("address add " + a.address() + "/" + a.prefixLength() + " dev " + a.dev());
            case LinkUp u -> List.of("link set " + u.dev() + " up");
            case Shape s -> List.of();
            case AddCgroup c -> List.of();
        };
    }
}
