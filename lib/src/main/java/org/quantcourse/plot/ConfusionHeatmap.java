package org.quantcourse.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A confusion matrix as a heatmap: predicted class across, true class down, every cell labelled with its count. The
 * colour scale stops at the largest mistake, so the diagonal saturates and the errors stand out. Used in notebook 04.
 */
public final class ConfusionHeatmap {

    private final int[][] matrix;
    private final List<String> classNames;
    private String title = "Confusion matrix";

    private ConfusionHeatmap(int[][] matrix, List<String> classNames) {
        this.matrix = matrix;
        this.classNames = classNames;
    }

    /** The heatmap of {@code matrix[true][predicted]} with the class names as tick labels. */
    public static ConfusionHeatmap of(int[][] matrix, List<String> classNames) {
        for (int[] row : matrix) {
            if (row.length != matrix.length) {
                throw new IllegalArgumentException("a confusion matrix is square, but a row has " + row.length
                        + " columns for " + matrix.length + " rows");
            }
        }
        if (classNames.size() != matrix.length) {
            throw new IllegalArgumentException("one class name per row is needed: " + matrix.length + " rows, "
                    + classNames.size() + " names");
        }
        return new ConfusionHeatmap(matrix, List.copyOf(classNames));
    }

    /** Sets the title. */
    public ConfusionHeatmap titled(String title) {
        this.title = title;
        return this;
    }

    /** The largest count off the diagonal (the most frequent mistake), where the colour scale saturates. */
    public int largestMistake() {
        int largest = 0;
        for (int t = 0; t < matrix.length; t++) {
            for (int p = 0; p < matrix.length; p++) {
                largest = t == p ? largest : Math.max(largest, matrix[t][p]);
            }
        }
        return largest;
    }

    /** The XChart heatmap; rows are drawn top to bottom in class order. */
    public HeatMapChart chart() {
        HeatMapChart chart = new HeatMapChartBuilder().width(700).height(620).title(title)
                .xAxisTitle("predicted").yAxisTitle("true").build();
        ProjectorStyle.apply(chart.getStyler()).setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, ProjectorStyle.TICKS));
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(Math.max(1, largestMistake()));
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(255, 200, 120), new Color(200, 30, 30)});
        List<String> downwards = new ArrayList<>(classNames);
        Collections.reverse(downwards);
        chart.addSeries("count", classNames, downwards, cells());
        return chart;
    }

    /** The heatmap as an image, ready for {@code display(...)}. */
    public BufferedImage image() {
        return ChartImage.of(chart());
    }

    /** Heatmap cells {x, y, count}: x the predicted class, y counted from the bottom (the last class). */
    private List<Number[]> cells() {
        int n = matrix.length;
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                cells.add(new Number[] {p, n - 1 - t, matrix[t][p]});
            }
        }
        return cells;
    }
}
