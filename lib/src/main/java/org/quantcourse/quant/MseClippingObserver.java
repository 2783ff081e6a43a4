package org.quantcourse.quant;

/**
 * Range clipped to minimise the quantization MSE: for each group, tries the min-max range (widened to include 0)
 * scaled by the ratios {@code k/n, k = n..1}, fake-quantizes the group's values with each, and keeps the ratio
 * with the smallest mean squared error (the larger ratio on ties). Over several batches the range is the mean
 * of the per-batch ranges. Used in notebooks 02 and 06.
 */
public final class MseClippingObserver extends RangeObserver {
    /** Ratios tried by default: 1.00, 0.99, ..., 0.01. */
    public static final int DEFAULT_CANDIDATES = 100;

    private final int candidates;

    private MseClippingObserver(Quantizer quantizer, int candidates) {
        super(quantizer, RUNNING_MEAN, RUNNING_MEAN);
        if (candidates < 1 || candidates > 10_000) {
            throw new IllegalArgumentException("candidates " + candidates + " is out of range: allowed 1..10000");
        }
        this.candidates = candidates;
    }

    /** An MSE-clipping observer trying 100 ratios. */
    public static MseClippingObserver of(Quantizer quantizer) {
        return of(quantizer, DEFAULT_CANDIDATES);
    }

    /** An MSE-clipping observer trying the ratios {@code k/candidates}, {@code k = candidates..1}. */
    public static MseClippingObserver of(Quantizer quantizer, int candidates) {
        return new MseClippingObserver(quantizer, candidates);
    }

    /** Number of clipping ratios tried. */
    public int candidates() {
        return candidates;
    }

    @Override
    float[][] batchRange(float[] data, GroupLayout layout) {
        float[][] groups = layout.gather(data);
        float[][] range = minMax(data, layout);
        for (int g = 0; g < groups.length; g++) {
            double best = bestRatio(groups[g], Math.min(range[0][g], 0), Math.max(range[1][g], 0));
            range[0][g] = (float) (best * Math.min(range[0][g], 0));
            range[1][g] = (float) (best * Math.max(range[1][g], 0));
        }
        return range;
    }

    private double bestRatio(float[] values, double lo, double hi) {
        double bestRatio = 1;
        double bestMse = Double.POSITIVE_INFINITY;
        for (int k = candidates; k >= 1; k--) {
            double ratio = (double) k / candidates;
            double mse = mse(values, quantizer().groupParams(ratio * lo, ratio * hi));
            if (mse < bestMse) {
                bestMse = mse;
                bestRatio = ratio;
            }
        }
        return bestRatio;
    }

    private double mse(float[] values, Quantizer.GroupParams p) {
        int qmin = quantizer().qmin();
        int qmax = quantizer().qmax();
        double sum = 0;
        for (float x : values) {
            double e = x - Affine.value(Affine.code(x, p.scale(), p.zeroPoint(), qmin, qmax, Math::rint), p.scale(),
                    p.zeroPoint());
            sum += e * e;
        }
        return sum / values.length;
    }
}
