package org.iovlab.report;

import java.util.Locale;

import org.iovlab.bench.Estimate;

/** How numbers are printed in tables and sentences (one place, so text and HTML agree). */
final class Format {
    static final String WARN = "\u26a0";
    static final String PM = "\u00b1";

    private Format() {}

    static String number(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }

    static String estimate(Estimate e, int decimals) {
        String mean = number(e.mean(), decimals);
        return Double.isFinite(e.halfWidth95()) ? mean + " " + PM + " " + number(e.halfWidth95(), decimals) : mean;
    }

    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.0f%%", 100 * fraction) : "n/a";
    }

    static String seconds(double s) {
        return number(s, s < 10 ? 2 : 1) + " s";
    }

    static String dp(String datapath) {
        return datapath.toUpperCase(Locale.ROOT);
    }
}
