package org.quantcourse.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line plot built step by step: series, optional horizontal reference lines, axis titles, then
 * {@link #image()} for a notebook or {@link #chart()} for XChart. Used in notebooks 02, 03, 04, 06 and 07.
 */
public final class LinePlot {

    private record Series(String name, double[] x, double[] y, boolean markersOnly) {
    }

    private record Reference(String name, double y) {
    }

    private final String title;
    private String xTitle = "x";
    private String yTitle = "y";
    private int width = 720;
    private int height = 420;
    private boolean logX;
    private boolean logY;
    private Double yMin;
    private Double yMax;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    private LinePlot(String title) {
        this.title = title;
    }

    /** Starts a plot with the given title. */
    public static LinePlot titled(String title) {
        return new LinePlot(title);
    }

    /** Names the axes. */
    public LinePlot axes(String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        return this;
    }

    /** Sets the image size in pixels. */
    public LinePlot size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** Uses a logarithmic y axis (for loss curves). */
    public LinePlot logY() {
        this.logY = true;
        return this;
    }

    /** Uses a logarithmic x axis (for values spanning many powers of two); every x must then be positive. */
    public LinePlot logX() {
        this.logX = true;
        return this;
    }

    /** Fixes the y range. */
    public LinePlot yRange(double min, double max) {
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    /** Adds a line through the points (x[i], y[i]). */
    public LinePlot line(String name, double[] x, double[] y) {
        series.add(new Series(name, checked(name, x, y), y.clone(), false));
        return this;
    }

    /** Adds a line whose x values are 1, 2, …, y.length (epochs, steps). */
    public LinePlot line(String name, double[] y) {
        double[] x = new double[y.length];
        Arrays.setAll(x, i -> i + 1);
        return line(name, x, y);
    }

    /** Adds points without a connecting line (a scatter series). */
    public LinePlot points(String name, double[] x, double[] y) {
        series.add(new Series(name, checked(name, x, y), y.clone(), true));
        return this;
    }

    /** Adds a dashed horizontal reference line at y (e.g. FP32 accuracy). */
    public LinePlot reference(String name, double y) {
        references.add(new Reference(name, y));
        return this;
    }

    /** The XChart chart. */
    public XYChart chart() {
        if (logX) {
            series.forEach(LinePlot::checkPositiveX);
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
        ProjectorStyle.apply(chart.getStyler());
        series.forEach(s -> addSeries(chart, s));
        references.forEach(r -> addReference(chart, r));
        return chart;
    }

    /** The plot as an image, ready for {@code display(...)}. */
    public BufferedImage image() {
        return ChartImage.of(chart());
    }

    private static void checkPositiveX(Series s) {
        if (Arrays.stream(s.x()).anyMatch(x -> !(x > 0))) {
            throw new IllegalArgumentException("series '" + s.name() + "' has an x value <= 0, which a logarithmic x"
                    + " axis cannot show: drop those points or leave out logX()");
        }
    }

    private void addSeries(XYChart chart, Series s) {
        XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
        if (s.markersOnly()) {
            xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
    }

    private void addReference(XYChart chart, Reference r) {
        double[] xs = xExtent();
        XYSeries line = chart.addSeries(r.name(), xs, new double[] {r.y(), r.y()});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.DARK_GRAY);
        line.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    private double[] xExtent() {
        double min = series.stream().flatMapToDouble(s -> Arrays.stream(s.x())).min().orElse(0);
        double max = series.stream().flatMapToDouble(s -> Arrays.stream(s.x())).max().orElse(1);
        return new double[] {min, max};
    }

    private static double[] checked(String name, double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("Series '" + name + "' needs as many x as y values (at least one), but has "
                    + x.length + " x and " + y.length + " y values");
        }
        return x.clone();
    }
}
