package org.quantcourse.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.quantcourse.quant.BitPacker;
import org.quantcourse.quant.Quantizer;

/** The charts learners need: each has the series, axes and fonts it claims. */
class TeachingPlotsTest {

    private static final double FLOAT_TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 8})
    void staircaseErrorStaysWithinHalfAStepInsideTheFittedRange(int bits) {
        StaircasePlot plot = StaircasePlot.of(Quantizer.symmetric(bits), -1f, 1f, -1f, 1f);
        double step = 1.0 / ((1 << (bits - 1)) - 1);
        assertTrue(plot.maxError() <= step / 2 + FLOAT_TOLERANCE, "max error " + plot.maxError());
        assertTrue(plot.maxError() > step / 2 * 0.9, "the sawtooth reaches nearly s/2");
    }

    @Test
    void staircaseShowsClampingOutsideTheFittedRange() {
        StaircasePlot plot = StaircasePlot.of(Quantizer.symmetric(3), -1f, 1f, -2f, 2f);
        assertTrue(plot.maxError() > 0.9, "at x = 2 the clamped x̂ = 1 is off by 1");
    }

    @Test
    void staircaseHasTheTwoChartsWithTheirSeriesAndAxes() {
        StaircasePlot plot = StaircasePlot.of(Quantizer.asymmetric(2), 0f, 1f, -0.5f, 1.5f);
        XYChart staircase = plot.staircase();
        XYChart error = plot.error();
        assertEquals(List.of("x (no error)", "x̂ = s(q − z)"), List.copyOf(staircase.getSeriesMap().keySet()));
        assertEquals(List.of("x̂ − x", "+s/2", "−s/2"), List.copyOf(error.getSeriesMap().keySet()));
        assertEquals("x̂", staircase.getYAxisTitle());
        assertEquals("x̂ − x", error.getYAxisTitle());
        BufferedImage image = plot.image();
        assertEquals(staircase.getWidth() + error.getWidth(), image.getWidth(), "side by side");
    }

    @Test
    void staircaseRejectsAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> StaircasePlot.of(Quantizer.symmetric(4), 1f, 1f, 0f, 1f));
    }

    @Test
    void everyChartUsesProjectorFonts() {
        XYChart line = LinePlot.titled("t").line("a", new double[] {1, 2}, new double[] {1, 2}).chart();
        assertEquals(ProjectorStyle.TITLE, line.getStyler().getChartTitleFont().getSize());
        assertEquals(ProjectorStyle.LABEL, line.getStyler().getAxisTitleFont().getSize());
        assertEquals(ProjectorStyle.TICKS, line.getStyler().getAxisTickLabelsFont().getSize());
        CategoryChart bars = BarPlot.of("t", List.of("a")).bars("b", new double[] {1}).chart();
        assertEquals(ProjectorStyle.TICKS, bars.getStyler().getAxisTickLabelsFont().getSize());
        HeatMapChart heat = ConfusionHeatmap.of(new int[][] {{1, 0}, {0, 1}}, List.of("a", "b")).chart();
        assertEquals(ProjectorStyle.TITLE, heat.getStyler().getChartTitleFont().getSize());
    }

    @Test
    void barPlotHasOneSeriesPerBarsAndOneForTheReference() {
        CategoryChart chart = BarPlot.of("per-channel ranges", List.of("0", "1", "2")).axes("channel", "max |w|")
                .bars("channel range", new double[] {0.2, 0.5, 0.1}).reference("per-tensor range", 0.5).chart();
        assertEquals(List.of("channel range", "per-tensor range"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals("channel", chart.getXAxisTitle());
        assertEquals("max |w|", chart.getYAxisTitle());
        assertTrue(BarPlot.of("t", List.of("a")).bars("b", new double[] {1}).image().getWidth() > 0);
    }

    @Test
    void barPlotRejectsTheWrongNumberOfValues() {
        assertThrows(IllegalArgumentException.class, () -> BarPlot.of("t", List.of("a", "b")).bars("b", new double[] {1}));
    }

    @Test
    void clippingCurveFindsABetterThresholdThanMinMaxWhenThereIsAnOutlier() {
        Random random = new Random(42);
        float[] values = new float[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        values[0] = 40f;
        ClippingPlot plot = ClippingPlot.of(values, 4);
        double[] thresholds = plot.thresholds();
        assertEquals(40.0, thresholds[thresholds.length - 1], FLOAT_TOLERANCE, "the last threshold is min-max");
        assertTrue(plot.bestThreshold() < 10, "best c " + plot.bestThreshold());
        double minMaxMse = plot.mse()[thresholds.length - 1];
        float[] roundTrip = Quantizer.symmetric(4).fakeQuantize(values);
        double libraryMse = 0;
        for (int i = 0; i < values.length; i++) {
            libraryMse += (roundTrip[i] - values[i]) * (roundTrip[i] - values[i]);
        }
        assertEquals(libraryMse / values.length, minMaxMse, minMaxMse * 1e-4, "c = max|x| is the library's min-max");
        XYChart chart = plot.chart();
        assertEquals(List.of("MSE", "min-max: c = max|x|", "best c"), List.copyOf(chart.getSeriesMap().keySet()));
        assertTrue(chart.getStyler().isYAxisLogarithmic());
    }

    @Test
    void accuracyDropIsInPointsOnAZoomedAxis() {
        AccuracyDropPlot plot = AccuracyDropPlot.against(0.975)
                .method("symmetric per-channel", new double[] {2, 4, 8}, new double[] {0.40, 0.97, 0.975})
                .point("ternary", Math.log(3) / Math.log(2), 0.96);
        assertEquals(0.5, plot.dropInPoints(0.97), FLOAT_TOLERANCE);
        XYChart chart = plot.chart();
        assertEquals(List.of("symmetric per-channel", "ternary", "no loss"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(AccuracyDropPlot.DEFAULT_ZOOM, chart.getStyler().getYAxisMax(), FLOAT_TOLERANCE);
        assertEquals("FP32 − accuracy (points)", chart.getYAxisTitle());
        assertThrows(IllegalArgumentException.class, () -> AccuracyDropPlot.against(97.5), "a fraction, not percent");
    }

    @Test
    void confusionHeatmapPutsEveryCountInItsCellAndSaturatesAtTheLargestMistake() {
        int[][] m = {{50, 2, 0}, {1, 60, 7}, {0, 3, 90}};
        ConfusionHeatmap heatmap = ConfusionHeatmap.of(m, List.of("0", "1", "2"));
        assertEquals(7, heatmap.largestMistake());
        HeatMapChart chart = heatmap.chart();
        assertEquals(7, chart.getStyler().getMax(), FLOAT_TOLERANCE);
        assertEquals("predicted", chart.getXAxisTitle());
        assertEquals("true", chart.getYAxisTitle());
        var cells = chart.getSeriesMap().get("count").getHeatData();
        assertEquals(9, cells.size());
        long total = 0;
        boolean trueOnePredictedTwo = false;
        for (Number[] cell : cells) {
            total += cell[2].longValue();
            trueOnePredictedTwo |= cell[0].intValue() == 2 && cell[1].intValue() == 1 && cell[2].intValue() == 7;
        }
        assertEquals(50 + 2 + 1 + 60 + 7 + 3 + 90, total);
        assertTrue(trueOnePredictedTwo, "true 1, predicted 2 is drawn in column 2, second row from the bottom");
        assertTrue(heatmap.image().getWidth() > 0);
    }

    @Test
    void confusionHeatmapRejectsANonSquareMatrix() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionHeatmap.of(new int[][] {{1, 2}}, List.of("a")));
    }

    @Test
    void packingDiagramShowsTheBytesTheBitPackerMakesAndColoursEachBitByItsCode() {
        int[] codes = {5, 3, 7, 0, 6};
        PackingDiagram diagram = PackingDiagram.of(codes, 3);
        assertArrayEquals(BitPacker.pack(codes, 3), diagram.bytes());
        assertEquals(1, diagram.ownerOfBit(3));
        assertEquals(-1, diagram.ownerOfBit(15), "15 bits of codes, the 16th is padding");
        BufferedImage image = diagram.image();
        for (int k = 0; k < 15; k++) {
            int rgb = image.getRGB(PackingDiagram.leftOfBit(k) + 3, PackingDiagram.bitRowMiddle() - 8) & 0xFFFFFF;
            assertEquals(PackingDiagram.colourOf(k / 3).getRGB() & 0xFFFFFF, rgb, "bit " + k);
        }
    }

    @Test
    void packingDiagramRefusesMoreThanASlideOfBits() {
        assertThrows(IllegalArgumentException.class, () -> PackingDiagram.of(new int[20], 4));
    }

    @Test
    void sideBySideNeedsAtLeastOneChart() {
        assertThrows(IllegalArgumentException.class, ChartImage::sideBySide);
    }
}
