package org.iovlab.scenario;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A host's network adapter: its line rate and how many SR-IOV virtual functions it exports.
 * {@code vfDevices} optionally names real VF network devices (for users with SR-IOV hardware):
 * under the iov data path the testbed then gives each VM of the host one of them instead of
 * an emulated VF.
 */
public record Nic(Bandwidth lineRate, int virtualFunctions, List<String> vfDevices) {
    public static final Bandwidth DEFAULT_LINE_RATE = Bandwidth.gbitPerSecond(10);
    public static final int DEFAULT_VIRTUAL_FUNCTIONS = 8;

    /** What Linux accepts as an interface name: 1 to 15 characters, no '/', ':' or white space. */
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_.-]{1," + Names.MAX_INTERFACE_NAME + "}");

    public Nic {
        if (lineRate == null) throw new IllegalArgumentException("lineRate");
        if (virtualFunctions < 0) throw new IllegalArgumentException("virtualFunctions must be >= 0");
        vfDevices = vfDevices == null ? List.of() : List.copyOf(vfDevices);
    }

    public Nic(Bandwidth lineRate, int virtualFunctions) {
        this(lineRate, virtualFunctions, List.of());
    }

    /** Why {@code name} cannot be a device name, or null. */
    public static String deviceNameProblem(String name) {
        if (!DEVICE.matcher(name).matches()) {
            return "'" + name + "' is not a Linux interface name (1 to " + Names.MAX_INTERFACE_NAME
                    + " letters, digits, '_', '.' or '-')";
        }
        if (name.startsWith(Names.PREFIX)) return "'" + name + "' starts with '" + Names.PREFIX + "', which iovlab keeps for what it creates";
        return null;
    }
}
