package org.quantcourse.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Bars over named categories (channels, layers, files), one colour per series, with optional dashed reference lines
 * across all bars. Used in notebooks 02 (per-channel ranges) and 05 (per-layer SQNR, file sizes).
 */
public final class BarPlot {

    private record Bars(String name, double[] values) {
    }

    private record Reference(String name, double value) {
    }

    private final String title;
    private final List<String> categories;
    private String xTitle = "";
    private String yTitle = "";
    private int width = 760;
    private int height = 440;
    private final List<Bars> bars = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    private BarPlot(String title, List<String> categories) {
        this.title = title;
        this.categories = categories;
    }

    /** Starts a bar plot over the given categories, in order. */
    public static BarPlot of(String title, List<String> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("A bar plot needs at least one category, but got none");
        }
        return new BarPlot(title, List.copyOf(categories));
    }

    /** Names the axes. */
    public BarPlot axes(String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        return this;
    }

    /** Sets the image size in pixels. */
    public BarPlot size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** Adds one bar per category. */
    public BarPlot bars(String name, double[] values) {
        if (values.length != categories.size()) {
            throw new IllegalArgumentException("Bars '" + name + "' need one value per category (" + categories.size()
                    + "), but got " + values.length);
        }
        bars.add(new Bars(name, values.clone()));
        return this;
    }

    /** Adds a dashed horizontal line at {@code value} across every category. */
    public BarPlot reference(String name, double value) {
        references.add(new Reference(name, value));
        return this;
    }

    /** The XChart chart. */
    public CategoryChart chart() {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        ProjectorStyle.apply(chart.getStyler()).setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setOverlapped(!references.isEmpty());
        chart.getStyler().setXAxisLabelRotation(categories.size() > 16 ? 90 : 0);
        bars.forEach(b -> chart.addSeries(b.name(), categories, toList(b.values())));
        references.forEach(r -> addReference(chart, r));
        return chart;
    }

    /** The plot as an image, ready for {@code display(...)}. */
    public BufferedImage image() {
        return ChartImage.of(chart());
    }

    private void addReference(CategoryChart chart, Reference r) {
        double[] flat = new double[categories.size()];
        Arrays.fill(flat, r.value());
        CategorySeries line = chart.addSeries(r.name(), categories, toList(flat));
        line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.DARK_GRAY);
        line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    private static List<Double> toList(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
