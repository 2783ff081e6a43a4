package org.quantcourse.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PlotsTest {

    @Test
    void linePlotRendersEverySeriesAndTheReferenceLine() {
        LinePlot plot = LinePlot.titled("accuracy").axes("bits", "%")
                .line("symmetric", new double[] {1, 2, 3}, new double[] {50, 80, 97})
                .reference("FP32", 98);
        assertEquals(2, plot.chart().getSeriesMap().size());
        BufferedImage image = plot.size(400, 300).image();
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        assertTrue(nonWhitePixels(image) > image.getWidth() * image.getHeight() / 100, "the image should not be blank");
    }

    @Test
    void linePlotDrawsLogLogAxesAndRefusesNonPositiveXOnThem() {
        LinePlot plot = LinePlot.titled("spacing").logX().logY()
                .line("ulp", new double[] {1e-6, 1, 1e6}, new double[] {1e-9, 1e-3, 1e3});
        assertTrue(plot.chart().getStyler().isXAxisLogarithmic());
        assertTrue(nonWhitePixels(plot.size(300, 200).image()) > 600, "the image should not be blank");
        LinePlot withZero = LinePlot.titled("t").logX().line("zero", new double[] {0, 1}, new double[] {1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, withZero::chart);
        assertTrue(e.getMessage().contains("'zero'"), e.getMessage());
    }

    private static int nonWhitePixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 0 : 1;
            }
        }
        return count;
    }

    @Test
    void linePlotRejectsSeriesOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> LinePlot.titled("t").line("bad", new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void histogramCountsEveryValueOnce() {
        float[] values = {0f, 0.1f, 0.2f, 0.9f, 1f};
        long[] counts = HistogramPlot.of(values, 2).counts();
        assertArrayEquals(new long[] {3, 2}, counts);
        assertEquals(values.length, counts[0] + counts[1]);
    }

    @Test
    void histogramDrawsOneLinePerQuantizationLevel() {
        HistogramPlot plot = HistogramPlot.of(new float[] {-1f, 0f, 1f}, 4).grid(new float[] {-1f, 0f, 1f});
        assertEquals(1 + 3, plot.chart().getSeriesMap().size());
        assertTrue(plot.image().getWidth() > 0);
    }

    @Test
    void histogramOfNothingIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> HistogramPlot.of(new float[0], 10));
    }

    @Test
    void tableHtmlShowsFractionsWithFourDecimalsAndWholeNumbersPlain() {
        Table table = Table.create("t", tech.tablesaw.api.DoubleColumn.create("x", 0.123456789, 8.0, 0.0000123));
        String html = TableHtml.of(table);
        assertTrue(html.contains("<td>0.1235</td>") && html.contains("<td>8</td>") && html.contains("<td>1.230e-05</td>"), html);
    }

    @Test
    void tableHtmlEscapesCellText() {
        Table table = Table.create("t<1>", StringColumn.create("name", "a&b", "<script>"));
        String html = TableHtml.of(table);
        assertTrue(html.contains("<caption>t&lt;1&gt;</caption>"), html);
        assertTrue(html.contains("<td>a&amp;b</td>") && html.contains("<td>&lt;script&gt;</td>"), html);
    }
}
