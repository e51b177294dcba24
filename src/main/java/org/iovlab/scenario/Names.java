package org.iovlab.scenario;

import java.util.regex.Pattern;

/**
 * The naming budget for everything the testbed creates. Linux limits interface names to
 * 15 characters; the testbed derives each name as {@code PREFIX + instance + node + role}
 * (e.g. {@code iov0node1v}), so a host or VM name may use what is left: 15 − 3 − 2 − 2 = 8.
 */
public final class Names {
    private Names() {}

    /** Every namespace, interface, bridge, qdisc and cgroup the project creates starts with this. */
    public static final String PREFIX = "iov";
    public static final int MAX_INTERFACE_NAME = 15;
    public static final int MAX_INSTANCE_ID = 2;
    public static final int MAX_ROLE = 2;
    public static final int MAX_NODE_NAME = MAX_INTERFACE_NAME - PREFIX.length() - MAX_INSTANCE_ID - MAX_ROLE;

    private static final Pattern NODE = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern INSTANCE = Pattern.compile("[a-z0-9]{1," + MAX_INSTANCE_ID + "}");
    private static final Pattern ROLE = Pattern.compile("[a-z0-9-]{0," + MAX_ROLE + "}");

    /** Why {@code name} cannot name a host or VM, or null when it can. */
    public static String nodeNameProblem(String name) {
        if (!NODE.matcher(name).matches()) {
            return "'" + name + "' is not a safe interface/namespace name: use lower-case letters and digits, starting with a letter";
        }
        if (name.length() > MAX_NODE_NAME) {
            String example = PREFIX + "0" + name + "v";
            return "'" + name + "' is " + name.length() + " characters; at most " + MAX_NODE_NAME
                    + " fit, because the interface names the testbed derives from it (prefix, instance id, name, role: e.g. '"
                    + example + "', " + example.length() + " characters) must fit in " + MAX_INTERFACE_NAME;
        }
        return null;
    }

    /** The name of an interface of {@code node} in testbed {@code instance}, e.g. {@code iov0node1v}. */
    public static String interfaceName(String instance, String node, String role) {
        if (!INSTANCE.matcher(instance).matches()) throw new IllegalArgumentException("bad instance id '" + instance + "'");
        if (!ROLE.matcher(role).matches()) throw new IllegalArgumentException("bad role '" + role + "'");
        if (nodeNameProblemIgnoringLength(node)) throw new IllegalArgumentException("bad node name '" + node + "'");
        String name = PREFIX + instance + node + role;
        if (name.length() > MAX_INTERFACE_NAME) throw new IllegalArgumentException("interface name too long: " + name);
        return name;
    }

    private static boolean nodeNameProblemIgnoringLength(String node) {
        return !NODE.matcher(node).matches();
    }
}
