package org.quantcourse.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Renders an XChart chart headless as a BufferedImage (PNG in a notebook, in any kernel). Used in notebooks 01–06. */
public final class ChartImage {

    private ChartImage() {
    }

    /** The chart drawn as an image; display it with {@code display(ChartImage.of(chart))}. */
    public static BufferedImage of(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Several charts drawn next to each other, left to right, in one image (as tall as the tallest). */
    public static BufferedImage sideBySide(Chart<?, ?>... charts) {
        if (charts.length == 0) {
            throw new IllegalArgumentException("sideBySide needs at least one chart, but got none");
        }
        int width = 0;
        int height = 0;
        for (Chart<?, ?> chart : charts) {
            width += chart.getWidth();
            height = Math.max(height, chart.getHeight());
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int left = 0;
        for (Chart<?, ?> chart : charts) {
            g.drawImage(of(chart), left, 0, null);
            left += chart.getWidth();
        }
        g.dispose();
        return image;
    }

    /** Saves the chart as a PNG file (folders created) and returns the path. */
    public static Path savePng(Chart<?, ?> chart, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            BitmapEncoder.saveBitmap(chart, file.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
            return file.toString().endsWith(".png") ? file : Path.of(file + ".png");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the chart to " + file + ": " + e.getMessage(), e);
        }
    }
}
