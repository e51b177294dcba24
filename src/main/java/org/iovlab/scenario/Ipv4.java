package org.iovlab.scenario;

/** An IPv4 address as its 32 bits. */
public record Ipv4(int bits) implements Comparable<Ipv4> {

    public static Ipv4 parse(String text) {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 4) throw new IllegalArgumentException("expected an IPv4 address like 198.18.0.1, got '" + text + "'");
        int bits = 0;
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
                throw new IllegalArgumentException("expected an IPv4 address like 198.18.0.1, got '" + text + "'");
            }
            bits = (bits << 8) | Integer.parseInt(p);
        }
        return new Ipv4(bits);
    }

    public Ipv4 plus(long offset) {
        return new Ipv4((int) (Integer.toUnsignedLong(bits) + offset));
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 255) + "." + ((bits >>> 8) & 255) + "." + (bits & 255);
    }

    @Override
    public int compareTo(Ipv4 o) {
        return Integer.compareUnsigned(bits, o.bits);
    }
}
