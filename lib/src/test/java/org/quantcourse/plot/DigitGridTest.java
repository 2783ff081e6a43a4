package org.quantcourse.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantcourse.data.ImageDataset;

class DigitGridTest {

    private static ImageDataset twoByTwoImages(int count) {
        byte[] pixels = new byte[count * 4];
        pixels[0] = (byte) 255;
        return ImageDataset.of("tiny", 2, 2, pixels, new byte[count], List.of("zero"));
    }

    @Test
    void gridHasTenImagesPerRowEachEnlargedThreeTimes() {
        BufferedImage image = DigitGrid.of(twoByTwoImages(12), 12);
        assertEquals(10 * 6, image.getWidth());
        assertEquals(2 * (6 + 14), image.getHeight());
    }

    @Test
    void inkIsDrawnDarkOnWhite() {
        BufferedImage image = DigitGrid.of(twoByTwoImages(1), 1);
        assertEquals(0x000000, image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, image.getRGB(5, 5) & 0xFFFFFF);
    }

    @Test
    void askingForNoImagesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DigitGrid.of(twoByTwoImages(1), 0));
    }
}
