package org.quantcourse.calibration;

/**
 * The entropy (KL-divergence) calibration of TensorRT ("8-bit Inference with TensorRT", Migacz 2017), in the
 * form of MXNet's {@code _get_optimal_threshold}: for each candidate of {@code i} histogram bins of {@code |x|},
 * <ol>
 *   <li>P = the first {@code i} bins, with every count beyond them (the clipped outliers) added to bin
 *       {@code i-1};
 *   <li>Q = the same {@code i} bins (without the outliers) merged into {@code levels} groups of
 *       {@code floor(i / levels)} bins (the last group takes the remainder), each group's count spread evenly
 *       over the bins where P is not zero;
 *   <li>both smoothed (every zero count becomes {@code 1e-4}, taken evenly from the non-zero counts) and
 *       normalised, and {@code KL(P || Q) = sum p ln(p / q)} computed;
 * </ol>
 * and the threshold is the upper edge of bin {@code i-1} for the {@code i} with the smallest divergence (the
 * smallest {@code i} on ties). Used in notebook 08.
 */
public final class KlDivergence {
    /** TensorRT's histogram size. */
    public static final int BINS = 2048;
    /** The smoothing count given to empty bins. */
    public static final double SMOOTHING = 1e-4;

    private KlDivergence() {}

    /** The number of bins {@code i} in {@code levels..histogram.length} whose clipping diverges least. */
    public static int bestBinCount(long[] histogram, int levels) {
        double[] d = divergences(histogram, levels);
        int best = 0;
        for (int k = 1; k < d.length; k++) {
            best = d[k] < d[best] ? k : best;
        }
        return best + levels;
    }

    /** {@code KL(P || Q)} for every candidate {@code i = levels..histogram.length}, at index {@code i - levels}. */
    public static double[] divergences(long[] histogram, int levels) {
        check(histogram, levels);
        double[] d = new double[histogram.length - levels + 1];
        for (int i = levels; i <= histogram.length; i++) {
            d[i - levels] = divergence(histogram, i, levels);
        }
        return d;
    }

    /** {@code KL(P || Q)} when the first {@code bins} bins are kept and quantized to {@code levels} levels. */
    public static double divergence(long[] histogram, int bins, int levels) {
        double[] p = clipped(histogram, bins);
        double[] q = quantized(histogram, p, levels);
        if (!smooth(p) || !smooth(q)) {
            return Double.POSITIVE_INFINITY;
        }
        return kl(p, q);
    }

    /** The first {@code bins} counts with the outliers beyond them added to the last. */
    private static double[] clipped(long[] histogram, int bins) {
        double[] p = new double[bins];
        for (int k = 0; k < histogram.length; k++) {
            p[Math.min(k, bins - 1)] += histogram[k];
        }
        return p;
    }

    /** The kept bins merged into {@code levels} groups and expanded back over P's non-zero bins. */
    private static double[] quantized(long[] histogram, double[] p, int levels) {
        int bins = p.length;
        int merged = bins / levels;
        double[] q = new double[bins];
        for (int j = 0; j < levels; j++) {
            int start = j * merged;
            int stop = j == levels - 1 ? bins : start + merged;
            double sum = 0;
            int nonZero = 0;
            for (int k = start; k < stop; k++) {
                sum += histogram[k];
                nonZero += p[k] != 0 ? 1 : 0;
            }
            for (int k = start; k < stop && nonZero > 0; k++) {
                q[k] = p[k] != 0 ? sum / nonZero : 0;
            }
        }
        return q;
    }

    /** Gives zero bins {@link #SMOOTHING}, taken evenly from the others; false when every bin is zero. */
    private static boolean smooth(double[] counts) {
        int zeros = 0;
        for (double c : counts) {
            zeros += c == 0 ? 1 : 0;
        }
        if (zeros == counts.length) {
            return false;
        }
        double take = SMOOTHING * zeros / (counts.length - zeros);
        for (int k = 0; k < counts.length; k++) {
            counts[k] = counts[k] == 0 ? SMOOTHING : counts[k] - take;
        }
        return true;
    }

    private static double kl(double[] p, double[] q) {
        double sp = 0;
        double sq = 0;
        for (int k = 0; k < p.length; k++) {
            sp += p[k];
            sq += q[k];
        }
        double d = 0;
        for (int k = 0; k < p.length; k++) {
            double pk = p[k] / sp;
            d += pk > 0 ? pk * Math.log(pk / (q[k] / sq)) : 0;
        }
        return d;
    }

    private static void check(long[] histogram, int levels) {
        if (histogram == null || levels < 2 || histogram.length < levels) {
            throw new IllegalArgumentException("need a histogram of at least " + Math.max(levels, 2) + " bins and"
                    + " at least 2 levels; got " + (histogram == null ? "null" : histogram.length + " bins") + " and "
                    + levels + " levels");
        }
    }
}
