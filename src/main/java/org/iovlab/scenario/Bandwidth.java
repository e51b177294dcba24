package org.iovlab.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A data rate in bits per second. Parses {@code 10Gbit/s}, {@code 10Gbps}, {@code 1250MiB/s}, {@code 125MBps}. */
public record Bandwidth(double bitsPerSecond) implements Comparable<Bandwidth> {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][0-9]+)?)\\s*([A-Za-z/]+)\\s*");

    /** Unit spelling (lower case) to bits per second. Decimal prefixes are powers of 1000, binary ones of 1024. */
    private static final Map<String, Double> UNITS = Map.ofEntries(
            Map.entry("bit/s", 1.0), Map.entry("bps", 1.0),
            Map.entry("kbit/s", 1e3), Map.entry("kbps", 1e3),
            Map.entry("mbit/s", 1e6), Map.entry("mbps", 1e6),
            Map.entry("gbit/s", 1e9), Map.entry("gbps", 1e9),
            Map.entry("tbit/s", 1e12), Map.entry("tbps", 1e12),
            Map.entry("b/s", 8.0), Map.entry("kb/s", 8e3), Map.entry("mb/s", 8e6), Map.entry("gb/s", 8e9),
            Map.entry("kibps", 8.0 * 1024), Map.entry("mibps", 8.0 * (1 << 20)), Map.entry("gibps", 8.0 * (1 << 30)),
            Map.entry("kib/s", 8.0 * 1024), Map.entry("mib/s", 8.0 * (1 << 20)), Map.entry("gib/s", 8.0 * (1 << 30)));

    public static final String SYNTAX_HELP = "a rate with a unit, e.g. 10Gbit/s, 900Mbit/s or 1250MiB/s";

    public Bandwidth {
        if (!(bitsPerSecond > 0) || Double.isInfinite(bitsPerSecond)) {
            throw new IllegalArgumentException("a bandwidth must be positive and finite: " + bitsPerSecond);
        }
    }

    public static Bandwidth gbitPerSecond(double gbit) {
        return new Bandwidth(gbit * 1e9);
    }

    /** Parses a rate with a unit; case matters only between B (bytes) and b (bits) in "B/s"-style units. */
    public static Bandwidth parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("expected " + SYNTAX_HELP + ", got '" + text + "'");
        String unit = m.group(2);
        // "MBps" and "MB/s" are bytes; "Mbps" and "Mbit/s" are bits.
        boolean bytes = unit.matches("[kKMGT]?i?B(ps|/s)");
        String key = unit.toLowerCase(Locale.ROOT);
        if (bytes && key.endsWith("bps")) key = key.substring(0, key.length() - 3) + "b/s";
        if (!bytes && key.matches("[kmgt]?b/s")) {
            throw new IllegalArgumentException("ambiguous unit '" + unit + "': write bit/s for bits or B/s for bytes");
        }
        Double factor = UNITS.get(key);
        if (factor == null) throw new IllegalArgumentException("unknown rate unit '" + unit + "'; expected " + SYNTAX_HELP);
        double value = Double.parseDouble(m.group(1));
        if (!(value > 0)) throw new IllegalArgumentException("a rate must be positive, got '" + text + "'");
        return new Bandwidth(value * factor);
    }

    public double gbitPerSecond() {
        return bitsPerSecond / 1e9;
    }

    public double mibPerSecond() {
        return bitsPerSecond / 8 / (1 << 20);
    }

    /** Shortest exact-enough form, e.g. {@code 10Gbit/s}, {@code 950Mbit/s}. */
    @Override
    public String toString() {
        String[] names = {"bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"};
        double v = bitsPerSecond;
        int i = 0;
        while (i < names.length - 1 && v >= 1000) {
            v /= 1000;
            i++;
        }
        return Quantities.number(v) + names[i];
    }

    @Override
    public int compareTo(Bandwidth o) {
        return Double.compare(bitsPerSecond, o.bitsPerSecond);
    }
}
