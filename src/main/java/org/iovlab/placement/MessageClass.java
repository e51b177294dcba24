package org.iovlab.placement;

/** Where a message travels, by the placement of its two ranks. */
public enum MessageClass {
    /** Both ranks in one VM: shared memory inside the guest. */
    INTRA_VM("intra-vm"),
    /** Different VMs on one host: the bridge in Dom0 (BRIDGED) or the NIC's switch (IOV). */
    INTER_VM("inter-vm"),
    /** Different hosts: the message crosses the wire. */
    INTER_HOST("inter-host");

    private final String id;

    MessageClass(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
