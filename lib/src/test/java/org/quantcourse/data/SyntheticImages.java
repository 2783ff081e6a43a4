package org.quantcourse.data;

import java.util.List;
import java.util.Random;

/** Small seeded random images and labels for tests. */
final class SyntheticImages {

    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private SyntheticImages() {
    }

    /** {@code n × rows × cols} random bytes. */
    static byte[] pixels(int n, int rows, int cols, long seed) {
        byte[] pixels = new byte[n * rows * cols];
        new Random(seed).nextBytes(pixels);
        return pixels;
    }

    /** Labels cycling 0, 1, .., classes-1, 0, 1, .. so every class is present when n ≥ classes. */
    static byte[] cyclicLabels(int n, int classes) {
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % classes);
        }
        return labels;
    }

    /** A dataset of n random 4×3 images with cyclic digit labels. */
    static ImageDataset dataset(int n, long seed) {
        return ImageDataset.of("synthetic", 4, 3, pixels(n, 4, 3, seed), cyclicLabels(n, 10), DIGITS);
    }
}
