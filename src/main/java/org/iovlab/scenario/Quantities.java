package org.iovlab.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting shared by the quantity records. */
public final class Quantities {
    private Quantities() {}

    /** Up to three decimals, trailing zeros dropped: 1.5, 10, 0.125. */
    public static String number(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** Bytes in the largest binary unit that keeps the value at least 1: 1.5GiB, 16MiB, 800B. */
    public static String binary(long bytes) {
        String[] names = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int i = 0;
        while (i < names.length - 1 && v >= 1024) {
            v /= 1024;
            i++;
        }
        return number(v) + names[i];
    }
}
