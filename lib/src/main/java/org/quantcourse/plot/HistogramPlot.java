package org.quantcourse.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A histogram of values (weights, activations) with an optional quantization grid drawn over it as thin vertical
 * lines, one per representable level. Used in notebook 02.
 */
public final class HistogramPlot {

    private final float[] values;
    private final int bins;
    private String title = "Histogram";
    private String xTitle = "value";
    private float[] grid = new float[0];
    private int width = 720;
    private int height = 380;

    private HistogramPlot(float[] values, int bins) {
        this.values = values;
        this.bins = bins;
    }

    /** A histogram of the values in the given number of equal-width bins. */
    public static HistogramPlot of(float[] values, int bins) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("A histogram needs at least one value, but got none");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("A histogram needs at least 1 bin, but got " + bins);
        }
        return new HistogramPlot(values.clone(), bins);
    }

    /** Sets the title and the x-axis title. */
    public HistogramPlot titled(String title, String xTitle) {
        this.title = title;
        this.xTitle = xTitle;
        return this;
    }

    /** Draws the representable levels (dequantized codes) as vertical lines over the histogram. */
    public HistogramPlot grid(float[] levels) {
        this.grid = levels.clone();
        return this;
    }

    /** Sets the image size in pixels. */
    public HistogramPlot size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** The bin counts, from the smallest value to the largest. */
    public long[] counts() {
        float[] range = range();
        long[] counts = new long[bins];
        double width = (range[1] - range[0]) / bins;
        for (float v : values) {
            int bin = width == 0 ? 0 : (int) Math.min(bins - 1, Math.floor((v - range[0]) / width));
            counts[bin]++;
        }
        return counts;
    }

    /** The XChart chart: bars as a step area, grid lines on top. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle("count").build();
        chart.getStyler().setLegendVisible(grid.length > 0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        ProjectorStyle.apply(chart.getStyler());
        addBars(chart);
        addGrid(chart, Arrays.stream(counts()).max().orElse(1));
        return chart;
    }

    /** The plot as an image, ready for {@code display(...)}. */
    public BufferedImage image() {
        return ChartImage.of(chart());
    }

    private void addBars(XYChart chart) {
        float[] range = range();
        long[] counts = counts();
        double step = (range[1] - range[0]) / bins;
        double[] x = new double[2 * bins];
        double[] y = new double[2 * bins];
        for (int i = 0; i < bins; i++) {
            x[2 * i] = range[0] + i * step;
            x[2 * i + 1] = range[0] + (i + 1) * step;
            y[2 * i] = counts[i];
            y[2 * i + 1] = counts[i];
        }
        XYSeries bars = chart.addSeries("values", x, y);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        bars.setMarker(SeriesMarkers.NONE);
    }

    private void addGrid(XYChart chart, long top) {
        for (int i = 0; i < grid.length; i++) {
            XYSeries line = chart.addSeries(i == 0 ? "quantization levels" : "level " + i,
                    new double[] {grid[i], grid[i]}, new double[] {0, top});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Color.RED);
            line.setLineStyle(new BasicStroke(0.8f));
            line.setShowInLegend(i == 0);
        }
    }

    private float[] range() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new float[] {min, max};
    }
}
