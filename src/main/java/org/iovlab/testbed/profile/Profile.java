package org.iovlab.testbed.profile;

/**
 * A hardware profile: how each hop of the emulated data paths is shaped (per direction).
 * <ul>
 * <li>{@code nic}: the wire between NICs; its rate is capped at the scenario's line rate, and
 *     absent means the line rate (what the {@code linux} profile does);</li>
 * <li>{@code eswitch}: the link between a host and its NIC when VFs are in use (IOV): all VF
 *     traffic, also VF-to-VF on one host (hairpinned by the NIC's embedded switch), crosses it;</li>
 * <li>{@code dom0}: the same link on the BRIDGED path, where every VM's frames go through the
 *     privileged domain's bridge and the NIC driver: the aggregate cost of Dom0;</li>
 * <li>{@code hostStack}: the same link on the NATIVE path;</li>
 * <li>{@code vif}: each VM's virtual interface on the BRIDGED path (netfront/netback);</li>
 * <li>{@code vf}: each VM's virtual function on the IOV path (egress of the VM only).</li>
 * </ul>
 */
public record Profile(String name, String description, Hop nic, Hop eswitch, Hop dom0, Hop hostStack, Hop vif, Hop vf) {
    public Profile {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name");
        description = description == null ? "" : description;
        for (Hop h : new Hop[] {nic, eswitch, dom0, hostStack, vif, vf}) {
            if (h == null) throw new IllegalArgumentException("every hop must be given (Hop.NONE for none)");
        }
    }
}
