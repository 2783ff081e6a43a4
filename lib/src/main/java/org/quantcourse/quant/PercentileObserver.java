package org.quantcourse.quant;

import java.util.Arrays;

/**
 * Range from percentiles, which ignores rare outliers: asymmetric uses the {@code (100-p)}-th and {@code p}-th
 * percentiles of {@code x}; symmetric uses {@code [-m, m]} with {@code m} the {@code p}-th percentile of
 * {@code |x|}. Percentiles interpolate linearly between sorted values (NumPy's default). Over several batches
 * the range is the mean of the per-batch ranges. Used in notebook 02.
 */
public final class PercentileObserver extends RangeObserver {
    private final double percentile;

    private PercentileObserver(Quantizer quantizer, double percentile) {
        super(quantizer, RUNNING_MEAN, RUNNING_MEAN);
        if (!(percentile >= 50 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile " + percentile + " is out of range: allowed 50..100"
                    + " (100 is min-max)");
        }
        this.percentile = percentile;
    }

    /** A percentile observer, e.g. {@code PercentileObserver.of(q, 99.9)}. */
    public static PercentileObserver of(Quantizer quantizer, double percentile) {
        return new PercentileObserver(quantizer, percentile);
    }

    /** The percentile {@code p} in 50..100. */
    public double percentile() {
        return percentile;
    }

    /** The {@code p}-th percentile (0..100) of {@code values}, interpolating linearly as NumPy does. */
    public static double percentile(float[] values, double p) {
        if (values.length == 0 || !(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("need at least one value and p in 0..100, got " + values.length
                    + " values and p = " + p);
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        return sortedPercentile(sorted, p);
    }

    @Override
    float[][] batchRange(float[] data, GroupLayout layout) {
        float[][] groups = layout.gather(data);
        float[] lo = new float[groups.length];
        float[] hi = new float[groups.length];
        boolean symmetric = quantizer().scheme() == Scheme.SYMMETRIC;
        for (int g = 0; g < groups.length; g++) {
            float[] v = symmetric ? abs(groups[g]) : groups[g];
            Arrays.sort(v);
            hi[g] = (float) sortedPercentile(v, percentile);
            lo[g] = symmetric ? -hi[g] : (float) sortedPercentile(v, 100 - percentile);
        }
        return new float[][] {lo, hi};
    }

    private static double sortedPercentile(float[] sorted, double p) {
        double pos = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(pos);
        int above = Math.min(below + 1, sorted.length - 1);
        double frac = pos - below;
        return sorted[below] + frac * ((double) sorted[above] - sorted[below]);
    }

    private static float[] abs(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.abs(values[i]);
        }
        return out;
    }
}
