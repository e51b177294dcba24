package org.iovlab.bench;

/**
 * How often to repeat a measurement (netperf's -i/-I): at least {@code min} times, then until
 * the 95% confidence interval is within ±{@code targetRelative} of the mean, at most {@code max}.
 */
public record Repetitions(int min, int max, double targetRelative) {
    public Repetitions {
        if (min < 1 || max < min) throw new IllegalArgumentException("need 1 <= min <= max repetitions, got " + min + ".." + max);
        if (!(targetRelative > 0)) throw new IllegalArgumentException("the confidence target must be positive");
    }

    public boolean done(Estimate e) {
        return e.n() >= max || (e.n() >= min && e.relativeHalfWidth() <= targetRelative);
    }

    public boolean converged(Estimate e) {
        return e.relativeHalfWidth() <= targetRelative;
    }
}
