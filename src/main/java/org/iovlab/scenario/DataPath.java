package org.iovlab.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three data paths between a process and the wire that the paper compares. */
public enum DataPath {
    /** Processes run on the bare host: no VM, no bridge. The paper's baseline. */
    NATIVE,
    /** VM traffic crosses a software bridge in the privileged domain (Xen's Dom0 bridge). */
    BRIDGED,
    /** Each VM owns a virtual function of the NIC (SR-IOV): a direct VM-to-NIC path. */
    IOV;

    /** The name used in YAML and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DataPath> parse(String text) {
        return Arrays.stream(values()).filter(d -> d.id().equalsIgnoreCase(text.strip())).findFirst();
    }

    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(DataPath::id).toList());
    }
}
