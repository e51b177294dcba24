package org.iovlab.reproduce;

import org.iovlab.scenario.Bandwidth;
import org.iovlab.scenario.Host;
import org.iovlab.scenario.Nic;
import org.iovlab.scenario.Scenario;
import org.iovlab.testbed.profile.Hop;
import org.iovlab.testbed.profile.Profile;

/**
 * Time dilation of the emulated network (as in DieCast and time-warped network emulation): every
 * shaped rate is divided by a factor F and every added latency multiplied by it, so that the
 * network is as slow, relative to the CPUs, as the modelled cluster's is when this machine's CPUs
 * are shared by F times more ranks than the cluster has cores for them. Without it, 8 ranks on 2
 * cores spend their time waiting for a CPU, not for the wire, and every data path looks alike.
 * Bandwidths measured on a dilated network are multiplied by F before they are reported.
 */
public record Dilation(double factor) {
    public static final Dilation NONE = new Dilation(1);

    public Dilation {
        if (!(factor >= 1) || factor > 1000) throw new IllegalArgumentException("a dilation factor is from 1 to 1000, got " + factor);
    }

    /** Ranks per real CPU, at least 1: the default that restores the modelled cluster's balance. */
    public static Dilation forRanks(int ranks, int cpus) {
        return new Dilation(Math.max(1, Math.ceil((double) ranks / Math.max(1, cpus))));
    }

    public Profile apply(Profile p) {
        if (factor == 1) return p;
        return new Profile(p.name(), p.description() + String.format(" (time-dilated x%s)", label()), hop(p.nic()), hop(p.eswitch()),
                hop(p.dom0()), hop(p.hostStack()), hop(p.vif()), hop(p.vf()));
    }

    /** The scenario with its NICs' line rates dilated (a profile without a NIC rate shapes the wire at the line rate). */
    public Scenario apply(Scenario s) {
        if (factor == 1) return s;
        return new Scenario(s.name(), s.description(), s.datapath(), s.ranks(), s.network(), s.hosts().stream()
                .map(h -> new Host(h.name(), h.cores(), new Nic(slower(h.nic().lineRate()), h.nic().virtualFunctions(),
                        h.nic().vfDevices()), h.address())).toList(), s.vms());
    }

    private Hop hop(Hop h) {
        return new Hop(h.rate().map(this::slower), h.latency().multipliedBy(Math.round(factor)));
    }

    private Bandwidth slower(Bandwidth b) {
        return new Bandwidth(b.bitsPerSecond() / factor);
    }

    /** A bandwidth measured on the dilated network, as the modelled network would carry it. */
    public double undilate(double bytesPerSecond) {
        return bytesPerSecond * factor;
    }

    public String label() {
        return factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
    }
}
