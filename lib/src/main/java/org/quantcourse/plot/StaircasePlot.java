package org.quantcourse.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;

/**
 * What a quantizer does to every real number of a range: the staircase {@code x → x̂ = s(q − z)} and, beside it, the
 * sawtooth error {@code x̂ − x}, which stays within ±s/2 inside the range and grows outside it. Used in notebook 02.
 */
public final class StaircasePlot {

    /** Points drawn along x. */
    static final int POINTS = 1201;

    private final double[] x;
    private final double[] xHat;
    private final double halfStep;
    private final String name;

    private StaircasePlot(double[] x, double[] xHat, double halfStep, String name) {
        this.x = x;
        this.xHat = xHat;
        this.halfStep = halfStep;
        this.name = name;
    }

    /**
     * The quantizer's round trip over {@code [from, to]}, with its parameters fitted to {@code [fitMin, fitMax]}
     * (a wider drawing range than the fitted one shows the clamping).
     */
    public static StaircasePlot of(Quantizer quantizer, float fitMin, float fitMax, float from, float to) {
        if (!(from < to) || !(fitMin < fitMax)) {
            throw new IllegalArgumentException("a staircase needs from < to and fitMin < fitMax, but got [" + from + ", "
                    + to + "] fitted to [" + fitMin + ", " + fitMax + "]");
        }
        QuantParams params = quantizer.params(new float[] {fitMin, fitMax});
        float[] xs = new float[POINTS];
        for (int i = 0; i < POINTS; i++) {
            xs[i] = from + (to - from) * i / (POINTS - 1);
        }
        float[] roundTrip = quantizer.quantize(xs, params).toFloatArray();
        return new StaircasePlot(toDoubles(xs), toDoubles(roundTrip), params.scale() / 2.0,
                quantizer.scheme().toString().toLowerCase() + ", " + quantizer.bits() + " bits");
    }

    /** The staircase x → x̂ with the identity line for comparison. */
    public XYChart staircase() {
        XYChart chart = chart("Staircase: x → x̂", "x̂");
        XYSeries identity = chart.addSeries("x (no error)", new double[] {x[0], x[x.length - 1]},
                new double[] {x[0], x[x.length - 1]});
        identity.setLineColor(Color.GRAY);
        identity.setLineStyle(dashed());
        chart.addSeries("x̂ = s(q − z)", x, xHat).setLineColor(new Color(0, 90, 170));
        return chart;
    }

    /** The error x̂ − x, with the rounding bound ±s/2 as dashed lines. */
    public XYChart error() {
        XYChart chart = chart("Error: sawtooth inside the range", "x̂ − x");
        double[] error = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            error[i] = xHat[i] - x[i];
        }
        chart.addSeries("x̂ − x", x, error).setLineColor(new Color(200, 60, 0));
        for (double bound : new double[] {halfStep, -halfStep}) {
            XYSeries line = chart.addSeries(bound > 0 ? "+s/2" : "−s/2", new double[] {x[0], x[x.length - 1]},
                    new double[] {bound, bound});
            line.setLineColor(Color.DARK_GRAY);
            line.setLineStyle(dashed());
        }
        return chart;
    }

    /** Both charts side by side, ready for {@code display(...)}. */
    public BufferedImage image() {
        return ChartImage.sideBySide(staircase(), error());
    }

    /** The largest |x̂ − x| over the points drawn. */
    public double maxError() {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(xHat[i] - x[i]));
        }
        return max;
    }

    private XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(560).height(440).title(title).xAxisTitle("x (" + name + ")")
                .yAxisTitle(yTitle).build();
        ProjectorStyle.apply(chart.getStyler()).setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
