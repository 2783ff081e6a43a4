package org.quantcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ImageDatasetTest {

    private static final float TOLERANCE = 1e-6f;

    private final ImageDataset data = SyntheticImages.dataset(25, 7L);

    @Test
    void pixelsAreScaledBytesInUnitInterval() {
        byte[] raw = SyntheticImages.pixels(25, 4, 3, 7L);
        for (int i = 0; i < data.size(); i++) {
            float[] p = data.pixels(i);
            assertEquals(12, p.length);
            for (int j = 0; j < p.length; j++) {
                assertEquals((raw[i * 12 + j] & 0xff) / 255f, p[j], TOLERANCE);
                assertTrue(p[j] >= 0f && p[j] <= 1f);
            }
        }
    }

    @Test
    void datasetIsImmutableAgainstTheCallersArrays() {
        byte[] pixels = new byte[12];
        byte[] labels = {3};
        ImageDataset one = ImageDataset.of("one", 4, 3, pixels, labels, SyntheticImages.DIGITS);
        pixels[0] = 100;
        labels[0] = 5;
        assertEquals(0f, one.pixels(0)[0]);
        assertEquals(3, one.label(0));
    }

    @Test
    void classCountsCountEveryLabel() {
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 2, 2, 2, 2, 2}, data.classCounts());
    }

    @Test
    void limitKeepsTheFirstImages() {
        ImageDataset first = data.limit(7);
        assertEquals(7, first.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(data.label(i), first.label(i));
            assertArrayEquals(data.pixels(i), first.pixels(i), TOLERANCE);
        }
        assertSame(data, data.limit(1000));
        assertThrows(IllegalArgumentException.class, () -> data.limit(0));
    }

    @Test
    void filterClassesKeepsThoseImagesRelabelledInGivenOrder() {
        ImageDataset pair = data.filterClasses(8, 3);
        assertEquals(List.of("8", "3"), pair.classNames());
        assertEquals(5, pair.size());
        int next = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.label(i) == 8 || data.label(i) == 3) {
                assertEquals(data.label(i) == 8 ? 0 : 1, pair.label(next));
                assertArrayEquals(data.pixels(i), pair.pixels(next++), TOLERANCE);
            }
        }
    }

    @Test
    void filterClassesRejectsBadClassLists() {
        assertThrows(IllegalArgumentException.class, () -> data.filterClasses());
        assertThrows(IllegalArgumentException.class, () -> data.filterClasses(3, 3));
        assertThrows(IllegalArgumentException.class, () -> data.filterClasses(10));
    }

    @Test
    void featuresAreFloatNchwMatchingPixels() {
        INDArray features = data.features();
        assertEquals(DataType.FLOAT, features.dataType());
        assertArrayEquals(new long[] {25, 1, 4, 3}, features.shape());
        assertEquals(data.pixels(9)[2 * 3 + 1], features.getFloat(9, 0, 2, 1), TOLERANCE);
    }

    @Test
    void flatFeaturesAreRowMajorVectors() {
        INDArray flat = data.features(Layout.FLAT);
        assertArrayEquals(new long[] {25, 12}, flat.shape());
        assertArrayEquals(data.pixels(17), flat.getRow(17).toFloatVector(), TOLERANCE);
    }

    @Test
    void labelsOneHotHaveASingleOneAtTheLabel() {
        INDArray oneHot = data.labelsOneHot();
        assertEquals(DataType.FLOAT, oneHot.dataType());
        assertArrayEquals(new long[] {25, 10}, oneHot.shape());
        for (int i = 0; i < data.size(); i++) {
            assertEquals(1.0, oneHot.getRow(i).sumNumber().doubleValue(), TOLERANCE);
            assertEquals(1f, oneHot.getFloat(i, data.label(i)));
        }
    }

    @Test
    void inconsistentInputIsRejected() {
        List<String> digits = SyntheticImages.DIGITS;
        assertThrows(IllegalArgumentException.class, () -> ImageDataset.of("x", 4, 3, new byte[11], new byte[1], digits));
        assertThrows(IllegalArgumentException.class, () -> ImageDataset.of("x", 4, 3, new byte[0], new byte[0], digits));
        assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.of("x", 4, 3, new byte[12], new byte[] {2}, digits.subList(0, 2)));
        assertThrows(IllegalArgumentException.class, () -> ImageDataset.of(" ", 4, 3, new byte[12], new byte[1], digits));
    }
}
