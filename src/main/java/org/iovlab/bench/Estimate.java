package org.iovlab.bench;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

/** A mean with its 95% Student-t confidence interval, and the samples it came from. */
public record Estimate(double mean, double halfWidth95, List<Double> samples) {

    public static Estimate of(List<Double> samples) {
        int n = samples.size();
        if (n == 0) throw new IllegalArgumentException("no samples");
        double mean = samples.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) return new Estimate(mean, Double.NaN, List.copyOf(samples));
        double ss = samples.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Estimate(mean, t * sd / Math.sqrt(n), List.copyOf(samples));
    }

    /** Half-width relative to the mean (0.025 = ±2.5%); infinite with one sample or a zero mean. */
    public double relativeHalfWidth() {
        return Double.isNaN(halfWidth95) || mean == 0 ? Double.POSITIVE_INFINITY : halfWidth95 / Math.abs(mean);
    }

    /** As {@link #relativeHalfWidth()}, but 0 where it is undefined, for printing. */
    public double relativeHalfWidthOrZero() {
        double r = relativeHalfWidth();
        return Double.isInfinite(r) ? 0 : r;
    }

    public int n() {
        return samples.size();
    }
}
