package dev.halyard.testing.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Repeated measurements of one figure: the median is what we report, min and max show how much it moved.
 *
 * @param median the middle run (the mean of the two middle ones for an even count)
 * @param min the lowest run
 * @param max the highest run
 * @param runs every run, in order
 */
public record Spread(double median, double min, double max, List<Double> runs) {

    public static Spread of(List<Double> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        List<Double> sorted = new ArrayList<>(runs);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(round(median), round(sorted.get(0)), round(sorted.get(n - 1)),
                runs.stream().map(Spread::round).toList());
    }

    /** Nearest-rank percentile ({@code p} in 0..100) of a sample. */
    public static double percentile(List<Double> sample, double p) {
        if (sample.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(sample);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return round(sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))));
    }

    /** Two decimals: more would be noise. */
    static double round(double value) {
        return round(value, 2);
    }

    /** {@code places} decimals, rounded once: rounding and then scaling writes figures such as 0.7354999999999999. */
    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
