package org.iovlab.testbed;

import java.util.regex.Pattern;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Names;

/**
 * Every name one testbed instance uses, derived from {@link Names}: {@code iov + instance +
 * node + role}. The instance id is one or two digits, so names of two instances can never
 * collide (a node name starts with a letter). Roles: host namespace (none), NIC namespace
 * {@code e}, host NIC {@code n}, its peer in the NIC {@code x}, NIC's embedded switch {@code s},
 * wire port {@code w}, switch port {@code t}, Dom0 bridge {@code b}, VM interface {@code v},
 * vif in Dom0 {@code p}, VF (macvlan) {@code f}.
 */
public record InstanceNames(String instance) {
    private static final Pattern INSTANCE = Pattern.compile("[0-9]{1,2}");

    /** The node name of the wire's switch namespace when a scenario has more than two hosts. */
    public static final String SWITCH = "switch";

    public InstanceNames {
        if (instance == null || !INSTANCE.matcher(instance).matches()) {
            throw new ConfigException("--instance", "instance", "an instance id is one or two digits, got '" + instance + "'");
        }
    }

    /** The prefix every object of this instance carries, e.g. {@code iov0}. */
    public String prefix() {
        return Names.PREFIX + instance;
    }

    /** Whether {@code name} belongs to this instance: the prefix followed by a letter. */
    public boolean owns(String name) {
        return name.length() > prefix().length() && name.startsWith(prefix())
                && Character.isLetter(name.charAt(prefix().length()));
    }

    public String of(String node, String role) {
        return Names.interfaceName(instance, node, role);
    }

    public String hostNs(String host) { return of(host, ""); }
    public String nicNs(String host) { return of(host, "e"); }
    public String hostNic(String host) { return of(host, "n"); }
    public String nicPort(String host) { return of(host, "x"); }
    public String eswitch(String host) { return of(host, "s"); }
    public String wirePort(String host) { return of(host, "w"); }
    public String switchPort(String host) { return of(host, "t"); }
    public String dom0Bridge(String host) { return of(host, "b"); }
    public String vmNs(String vm) { return of(vm, ""); }
    public String vmIf(String vm) { return of(vm, "v"); }
    public String vif(String vm) { return of(vm, "p"); }
    public String vf(String vm) { return of(vm, "f"); }
    public String switchNs() { return of(SWITCH, ""); }
    public String switchBridge() { return of(SWITCH, "b"); }
}
