package org.iovlab.scenario;

/** An IPv4 network: base address and prefix length, base aligned to the prefix. */
public record Cidr(Ipv4 base, int prefixLength) {

    /** RFC 2544's range for network benchmarking: every address iovlab uses lies inside it. */
    public static final Cidr BENCHMARKING = parse("198.18.0.0/15");

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) throw new IllegalArgumentException("prefix length must be 0..32, got " + prefixLength);
        if ((base.bits() & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException(base + "/" + prefixLength + " has host bits set; the network is "
                    + new Ipv4(base.bits() & mask(prefixLength)) + "/" + prefixLength);
        }
    }

    public static Cidr parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || !parts[1].matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("expected a network like 198.18.0.0/24, got '" + text + "'");
        }
        return new Cidr(Ipv4.parse(parts[0]), Integer.parseInt(parts[1]));
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    public boolean contains(Ipv4 a) {
        return (a.bits() & mask(prefixLength)) == base.bits();
    }

    public boolean contains(Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.base);
    }

    /** Number of addresses, including network and broadcast. */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    /** Usable for a node: not the network address, not the broadcast address (for prefixes up to /30). */
    public boolean isUsableHost(Ipv4 a) {
        if (!contains(a)) return false;
        if (prefixLength >= 31) return true;
        return !a.equals(base) && !a.equals(base.plus(size() - 1));
    }

    @Override
    public String toString() {
        return base + "/" + prefixLength;
    }
}
