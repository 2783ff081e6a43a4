package org.quantcourse.plot;

import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;

/**
 * Accuracy lost against FP32, in percentage points, against bit width, on a zoomed axis (0 to a few points) so that
 * the differences between 3 and 8 bits, which a 0–1 accuracy axis hides, are visible; drops beyond the axis run off
 * the top. Used in notebook 06.
 */
public final class AccuracyDropPlot {

    /** The default top of the zoomed axis, in points. */
    public static final double DEFAULT_ZOOM = 5;

    private final double fp32Accuracy;
    private final LinePlot plot;
    private double zoom = DEFAULT_ZOOM;

    private AccuracyDropPlot(double fp32Accuracy) {
        this.fp32Accuracy = fp32Accuracy;
        this.plot = LinePlot.titled("Accuracy drop against FP32 (zoomed)")
                .axes("bits per weight", "FP32 − accuracy (points)").size(820, 460).reference("no loss", 0);
    }

    /** Starts a plot of drops against {@code fp32Accuracy} (a fraction, e.g. 0.975). */
    public static AccuracyDropPlot against(double fp32Accuracy) {
        if (!(fp32Accuracy > 0 && fp32Accuracy <= 1)) {
            throw new IllegalArgumentException("FP32 accuracy is a fraction in (0, 1], but got " + fp32Accuracy);
        }
        return new AccuracyDropPlot(fp32Accuracy);
    }

    /** Drop in points for an accuracy (a fraction): {@code 100 · (FP32 − accuracy)}. */
    public double dropInPoints(double accuracy) {
        return 100 * (fp32Accuracy - accuracy);
    }

    /** Adds a method's line: accuracies (fractions) at the given bit widths. */
    public AccuracyDropPlot method(String name, double[] bits, double[] accuracies) {
        plot.line(name, bits, drops(accuracies));
        return this;
    }

    /** Adds a single point, e.g. ternary weights at log2(3) ≈ 1.58 bits. */
    public AccuracyDropPlot point(String name, double bits, double accuracy) {
        plot.points(name, new double[] {bits}, new double[] {dropInPoints(accuracy)});
        return this;
    }

    /** Sets the top of the zoomed axis, in points. */
    public AccuracyDropPlot zoom(double points) {
        this.zoom = points;
        return this;
    }

    /** The XChart chart, y from −0.5 to the zoom. */
    public XYChart chart() {
        return plot.yRange(-0.5, zoom).chart();
    }

    /** The chart as an image, ready for {@code display(...)}. */
    public BufferedImage image() {
        return ChartImage.of(chart());
    }

    private double[] drops(double[] accuracies) {
        double[] drops = new double[accuracies.length];
        for (int i = 0; i < accuracies.length; i++) {
            drops[i] = dropInPoints(accuracies[i]);
        }
        return drops;
    }
}
