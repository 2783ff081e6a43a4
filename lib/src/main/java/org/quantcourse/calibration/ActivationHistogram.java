package org.quantcourse.calibration;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.quantcourse.plot.ChartImage;

/**
 * A histogram of one site's activations on a logarithmic count axis (so the rare large values that set a min-max
 * range stay visible), with the ranges chosen by calibration methods drawn over it as labelled vertical lines.
 * Exact zeros (most ReLU outputs) are counted in the title, not drawn: they are exact on every grid through 0.
 * Used in notebook 08.
 */
public final class ActivationHistogram {
    private static final Color[] COLOURS = {Color.RED, new Color(0, 130, 0), Color.BLUE, new Color(200, 120, 0),
        Color.MAGENTA, Color.DARK_GRAY};

    private final float[] values;
    private final int bins;
    private final String title;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> ranges = new ArrayList<>();

    private ActivationHistogram(float[] values, int bins, String title) {
        this.values = values;
        this.bins = bins;
        this.title = title;
    }

    /** A histogram of {@code values} in {@code bins} equal bins, titled {@code title}. */
    public static ActivationHistogram of(float[] values, int bins, String title) {
        if (values == null || values.length == 0 || bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one value and one bin");
        }
        return new ActivationHistogram(values.clone(), bins, title);
    }

    /** Draws the range {@code [lo, hi]} chosen by {@code name}. */
    public ActivationHistogram range(String name, double lo, double hi) {
        names.add(name);
        ranges.add(new double[] {lo, hi});
        return this;
    }

    /** Draws the range of {@code ranges} at {@code site}. */
    public ActivationHistogram range(StaticRanges ranges, int site) {
        return range(ranges.name(), ranges.params(site).rangeMin(0), ranges.params(site).rangeMax(0));
    }

    /** The bin counts of the non-zero values, from the smallest value to the largest. */
    public long[] counts() {
        double[] span = span();
        long[] counts = new long[bins];
        double width = (span[1] - span[0]) / bins;
        for (float v : values) {
            if (v != 0) {
                counts[width == 0 ? 0 : (int) Math.min(bins - 1, Math.floor((v - span[0]) / width))]++;
            }
        }
        return counts;
    }

    /** The chart. */
    public XYChart chart() {
        long zeros = 0;
        for (float v : values) {
            zeros += v == 0 ? 1 : 0;
        }
        XYChart chart = new XYChartBuilder().width(760).height(360)
                .title(String.format("%s (%.1f%% exact zeros not drawn)", title, 100.0 * zeros / values.length))
                .xAxisTitle("activation").yAxisTitle("count").build();
        chart.getStyler().setYAxisLogarithmic(true).setYAxisMin(0.5).setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.InsideNE);
        addBars(chart);
        addRanges(chart);
        return chart;
    }

    /** The chart as an image for {@code display(...)}. */
    public BufferedImage image() {
        return ChartImage.of(chart());
    }

    private void addBars(XYChart chart) {
        double[] span = span();
        long[] counts = counts();
        double step = (span[1] - span[0]) / bins;
        double[] x = new double[2 * bins];
        double[] y = new double[2 * bins];
        for (int i = 0; i < bins; i++) {
            x[2 * i] = span[0] + i * step;
            x[2 * i + 1] = span[0] + (i + 1) * step;
            y[2 * i] = Math.max(counts[i], 0.5);
            y[2 * i + 1] = Math.max(counts[i], 0.5);
        }
        XYSeries bars = chart.addSeries("activations", x, y);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setLineColor(Color.GRAY);
    }

    private void addRanges(XYChart chart) {
        double top = values.length;
        for (int r = 0; r < ranges.size(); r++) {
            double[] range = ranges.get(r);
            XYSeries line = chart.addSeries(names.get(r), new double[] {range[0], range[0], Double.NaN, range[1], range[1]},
                    new double[] {0.5, top, Double.NaN, 0.5, top});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(COLOURS[r % COLOURS.length]);
            line.setLineStyle(new BasicStroke(1.5f));
        }
    }

    private double[] span() {
        double min = 0;
        double max = 0;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (double[] r : ranges) {
            min = Math.min(min, r[0]);
            max = Math.max(max, r[1]);
        }
        return new double[] {min, max == min ? min + 1 : max};
    }
}
