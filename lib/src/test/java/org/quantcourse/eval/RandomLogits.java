package org.quantcourse.eval;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded logits and labels for the tests of losses and their gradients (distillation, cross-entropy). */
public final class RandomLogits {

    private RandomLogits() {
    }

    /** A {@code rows × columns} FLOAT matrix of N(0, 2²) logits. */
    public static INDArray gaussian(int rows, int columns, long seed) {
        Random random = new Random(seed);
        float[][] values = new float[rows][columns];
        for (float[] row : values) {
            for (int k = 0; k < columns; k++) {
                row[k] = (float) (2 * random.nextGaussian());
            }
        }
        return Nd4j.createFromArray(values);
    }

    /** {@code rows} one-hot labels over {@code classes}, drawn uniformly. */
    public static INDArray oneHot(int rows, int classes, long seed) {
        Random random = new Random(seed);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, rows, classes);
        for (int i = 0; i < rows; i++) {
            labels.putScalar(i, random.nextInt(classes), 1);
        }
        return labels;
    }

    /** A copy of {@code logits} with {@code h} added at ({@code row}, {@code column}), for central differences. */
    public static INDArray shifted(INDArray logits, int row, int column, double h) {
        INDArray copy = logits.dup();
        copy.putScalar(row, column, copy.getDouble(row, column) + h);
        return copy;
    }
}
