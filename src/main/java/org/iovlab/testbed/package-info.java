/**
 * The emulated virtualized cluster: a scenario's hosts and VMs as Linux network namespaces.
 *
 * <h2>Topology</h2>
 * Per host: a host namespace ("Dom0" or the bare host) holding the host NIC {@code n}, and a
 * NIC namespace {@code e} holding the adapter's embedded switch {@code s} (a bridge) with the
 * host link port {@code x} (the PCIe side) and the wire port {@code w}. The wire is a veth
 * between the two NIC namespaces, or a switch namespace with a bridge for one or more than
 * two hosts. Per data path:
 * <ul>
 * <li>NATIVE: endpoints are the host namespaces; the host address is on {@code n}.</li>
 * <li>BRIDGED: per VM a namespace whose veth {@code v} has its peer (the vif, {@code p}) on
 *     the Dom0 bridge {@code b} in the host namespace, together with {@code n}. VM-to-VM
 *     traffic on one host is switched by that bridge and never reaches the NIC.</li>
 * <li>IOV: per VM a namespace owning a macvlan {@code f} of {@code n} in VEPA mode (the VF).
 *     VEPA sends every frame to the adapter; the embedded switch has hairpin on for
 *     {@code x} and reflects VF-to-VF frames, so they cross the host-NIC link twice (out and
 *     back), paying the profile's {@code eswitch} hop, and never a host bridge. That is the
 *     paper's finding (ii). The number of VMs per host is checked against the NIC's VFs.</li>
 * </ul>
 * No namespace has a link to the initial namespace and the only routes are the scenario's
 * subnet (within 198.18.0.0/15), so nothing is ever sent outside the testbed. The NIC and
 * switch namespaces carry no addresses.
 *
 * <h2>Shaping</h2>
 * A {@link org.iovlab.testbed.profile.Profile} names a rate and latency per hop; each is
 * applied to the egress of both ends of the hop (tbf for a rate, netem for a latency; the
 * VF only on the VM's egress). The wire is capped at the scenario's line rate.
 * {@code --no-shaping} adds no qdisc at all.
 *
 * <h2>CPU</h2>
 * {@link org.iovlab.testbed.CpuMap}: each host gets its share of the real CPUs, each VM a
 * cpuset of its host's CPUs and a cpu.shares weight per vCPU (optionally a CFS quota),
 * via cgroup v1 groups named like the namespaces. Emulated faithfully: network isolation,
 * addresses, the order and sharing of hops, rate limits, which CPUs a node may use and its
 * relative weight. Not emulated: a hypervisor's scheduler, distinct physical cores per vCPU
 * when the machine has fewer cores than the scenario declares, VM exits, interrupt costs,
 * memory limits, a real VF's DMA, and separate kernels (all nodes share one kernel, its page
 * cache and its TCP stack settings).
 *
 * <h2>Lifecycle</h2>
 * {@link org.iovlab.testbed.Planner} builds an immutable {@link org.iovlab.testbed.Plan};
 * {@link org.iovlab.testbed.Testbeds#up} writes the {@link org.iovlab.testbed.Manifest}
 * (write-ahead), then runs the plan with a handful of {@code ip -batch}/{@code tc -batch}
 * processes; {@link org.iovlab.testbed.Testbeds#down} removes exactly what the manifest lists,
 * also after {@code up} was killed.
 */
package org.iovlab.testbed;
