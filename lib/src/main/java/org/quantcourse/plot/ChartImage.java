package org.quantcourse.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Renders an XChart chart headless as a BufferedImage (PNG in a notebook, in any kernel). Used in notebooks 02–06. */
public final class ChartImage {

    private ChartImage() {
    }

    /** The chart drawn as an image; display it with {@code display(ChartImage.of(chart))}. */
    public static BufferedImage of(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
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
