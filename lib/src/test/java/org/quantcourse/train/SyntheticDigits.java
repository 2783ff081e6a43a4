package org.quantcourse.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded 28×28 images in [0, 1] whose class (0–9) is a bright 6×6 square at one of ten places, over noise. */
final class SyntheticDigits {

    static final int SIZE = 28;
    static final int CLASSES = 10;

    private SyntheticDigits() {
    }

    /** {@code n} single-example data sets, features [1, 1, 28, 28], one-hot labels [1, 10]. */
    static List<DataSet> examples(int n, long seed) {
        Random random = new Random(seed);
        List<DataSet> examples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(CLASSES);
            examples.add(new DataSet(image(label, random), oneHot(label)));
        }
        return examples;
    }

    /** An iterator over {@code n} examples in batches of {@code batch}. */
    static DataSetIterator iterator(int n, int batch, long seed) {
        return new ListDataSetIterator<>(examples(n, seed), batch);
    }

    /** All {@code n} examples as one data set. */
    static DataSet all(int n, long seed) {
        return DataSet.merge(examples(n, seed));
    }

    private static INDArray image(int label, Random random) {
        float[] pixels = new float[SIZE * SIZE];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = 0.3f * random.nextFloat();
        }
        int top = 3 + (label / 5) * 12;
        int left = 1 + (label % 5) * 5;
        for (int r = top; r < top + 6; r++) {
            for (int c = left; c < left + 6 && c < SIZE; c++) {
                pixels[r * SIZE + c] = 0.7f + 0.3f * random.nextFloat();
            }
        }
        return Nd4j.create(pixels, new long[] {1, 1, SIZE, SIZE}, DataType.FLOAT);
    }

    private static INDArray oneHot(int label) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 1, CLASSES);
        labels.putScalar(0, label, 1f);
        return labels;
    }
}
