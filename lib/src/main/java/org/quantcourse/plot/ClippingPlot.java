package org.quantcourse.plot;

import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;

/**
 * The mean squared error of symmetric quantization against the clipping threshold c, for c from a small fraction of
 * max|x| up to max|x| (min-max): a too-small c clips many values, c = max|x| wastes levels on an outlier, and the best
 * c lies between. {@code s = c / (2^(b−1) − 1)}. Used in notebook 02.
 */
public final class ClippingPlot {

    /** Thresholds tried, evenly spaced. */
    static final int THRESHOLDS = 200;

    private final int bits;
    private final double[] thresholds;
    private final double[] mse;

    private ClippingPlot(int bits, double[] thresholds, double[] mse) {
        this.bits = bits;
        this.thresholds = thresholds;
        this.mse = mse;
    }

    /** The curve for {@code values} quantized symmetrically with {@code bits} bits. */
    public static ClippingPlot of(float[] values, int bits) {
        Quantizer quantizer = Quantizer.symmetric(bits);
        float maxAbs = 0;
        for (float v : values) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        if (maxAbs == 0) {
            throw new IllegalArgumentException("values are all 0: there is no range to clip");
        }
        double[] cs = new double[THRESHOLDS];
        double[] errors = new double[THRESHOLDS];
        for (int i = 0; i < THRESHOLDS; i++) {
            cs[i] = maxAbs * (i + 1) / (double) THRESHOLDS;
            QuantParams params = QuantParams.symmetric(bits, (float) (cs[i] / quantizer.qmax()));
            errors[i] = mse(values, quantizer.quantize(values, params).toFloatArray());
        }
        return new ClippingPlot(bits, cs, errors);
    }

    /** The thresholds c tried, ascending; the last is max|x|. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The MSE at each threshold. */
    public double[] mse() {
        return mse.clone();
    }

    /** The threshold with the smallest MSE. */
    public double bestThreshold() {
        int best = 0;
        for (int i = 1; i < mse.length; i++) {
            best = mse[i] < mse[best] ? i : best;
        }
        return thresholds[best];
    }

    /** The chart: MSE on a log axis against c, with the min-max choice and the best c marked. */
    public XYChart chart() {
        int last = thresholds.length - 1;
        return LinePlot.titled("MSE against the clipping threshold (" + bits + "-bit symmetric)")
                .axes("clipping threshold c", "mean squared error").logY().size(760, 440)
                .line("MSE", thresholds, mse)
                .points("min-max: c = max|x|", new double[] {thresholds[last]}, new double[] {mse[last]})
                .points("best c", new double[] {bestThreshold()}, new double[] {min(mse)})
                .chart();
    }

    /** The chart as an image, ready for {@code display(...)}. */
    public BufferedImage image() {
        return ChartImage.of(chart());
    }

    private static double mse(float[] x, float[] xHat) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = xHat[i] - x[i];
            sum += d * d;
        }
        return sum / x.length;
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
