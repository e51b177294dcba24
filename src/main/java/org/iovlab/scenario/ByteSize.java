package org.iovlab.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An amount of memory or data in bytes. Parses {@code 1.5GiB}, {@code 1536MiB}, {@code 2GB}, {@code 64KiB}. */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*)\\s*");
    private static final Map<String, Long> UNITS = Map.of(
            "b", 1L, "kb", 1000L, "mb", 1000_000L, "gb", 1000_000_000L, "tb", 1000_000_000_000L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30, "tib", 1L << 40);

    public static final String SYNTAX_HELP = "a size with a unit, e.g. 1.5GiB, 1536MiB or 2GB";

    public ByteSize {
        if (bytes < 0) throw new IllegalArgumentException("a size cannot be negative: " + bytes);
    }

    public static ByteSize parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches() || m.group(2).isEmpty()) {
            throw new IllegalArgumentException("expected " + SYNTAX_HELP + ", got '" + text + "'");
        }
        Long factor = UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (factor == null) throw new IllegalArgumentException("unknown size unit '" + m.group(2) + "'; expected " + SYNTAX_HELP);
        return new ByteSize(Math.round(Double.parseDouble(m.group(1)) * factor));
    }

    /** Binary units, e.g. {@code 1.5GiB}, {@code 16MiB}, {@code 800B}. */
    @Override
    public String toString() {
        return Quantities.binary(bytes);
    }

    @Override
    public int compareTo(ByteSize o) {
        return Long.compare(bytes, o.bytes);
    }
}
