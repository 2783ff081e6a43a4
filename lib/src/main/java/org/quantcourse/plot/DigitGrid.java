package org.quantcourse.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.quantcourse.data.ImageDataset;

/** The first images of a data set drawn as a grid, each with its class name underneath. Used in notebooks 00 and 04. */
public final class DigitGrid {

    private static final int SCALE = 3;
    private static final int CAPTION = 14;
    private static final int PER_ROW = 10;

    private DigitGrid() {
    }

    /** The first {@code count} images (at most the data set's size), ten to a row, three times enlarged. */
    public static BufferedImage of(ImageDataset data, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A digit grid needs at least 1 image, but got " + count);
        }
        int n = Math.min(count, data.size());
        int cellW = data.cols() * SCALE;
        int cellH = data.rows() * SCALE + CAPTION;
        int columns = Math.min(PER_ROW, n);
        BufferedImage image = new BufferedImage(columns * cellW, ((n + PER_ROW - 1) / PER_ROW) * cellH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int i = 0; i < n; i++) {
            drawDigit(image, g, data, i, (i % PER_ROW) * cellW, (i / PER_ROW) * cellH);
        }
        g.dispose();
        return image;
    }

    private static void drawDigit(BufferedImage image, Graphics2D g, ImageDataset data, int index, int left, int top) {
        float[] pixels = data.pixels(index);
        for (int p = 0; p < pixels.length; p++) {
            int grey = 255 - Math.round(pixels[p] * 255);
            int rgb = grey << 16 | grey << 8 | grey;
            int x = left + (p % data.cols()) * SCALE;
            int y = top + (p / data.cols()) * SCALE;
            for (int dy = 0; dy < SCALE; dy++) {
                for (int dx = 0; dx < SCALE; dx++) {
                    image.setRGB(x + dx, y + dy, rgb);
                }
            }
        }
        g.setColor(Color.DARK_GRAY);
        String caption = data.classNames().get(data.label(index));
        g.drawString(caption.length() > 12 ? caption.substring(0, 12) : caption, left + 2, top + data.rows() * SCALE + 11);
    }
}
