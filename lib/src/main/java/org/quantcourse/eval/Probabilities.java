package org.quantcourse.eval;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Checks and safe logarithms of probability rows. Used in notebooks 04, 05, 06. */
public final class Probabilities {

    /**
     * Probabilities are raised to at least this value before a logarithm, so a zero probability costs
     * {@code −ln(1e-7) ≈ 16.1} nats instead of infinity (the same floor as Keras' epsilon).
     */
    public static final double EPSILON = 1e-7;

    /** How far a row sum may be from 1, and an entry outside [0, 1], before the row is rejected (FLOAT rounding). */
    public static final double ROW_SUM_TOLERANCE = 1e-3;

    private Probabilities() {
    }

    /** {@code ln(max(p, EPSILON))} elementwise, as a new FLOAT array. */
    public static INDArray clippedLog(INDArray probabilities) {
        return Transforms.log(Transforms.max(probabilities.castTo(DataType.FLOAT), EPSILON, true), false);
    }

    /** The index of the largest entry of each row. */
    public static int[] argMaxRows(INDArray matrix) {
        return Nd4j.argMax(matrix, 1).toIntVector();
    }

    /** Rejects anything that is not {@code [rows, classes]} probability rows, saying what was wrong. */
    static INDArray requireRows(INDArray p, long rows, String what) {
        if (p == null || p.rank() != 2 || p.rows() != rows) {
            throw new IllegalArgumentException(what + " must be probabilities of shape [" + rows + ", classes], got "
                    + (p == null ? "null" : Arrays.toString(p.shape())));
        }
        INDArray asFloat = p.castTo(DataType.FLOAT);
        if (asFloat.isNaN().any() || asFloat.isInfinite().any()) {
            throw new IllegalArgumentException(what + " contain NaN or infinite values; the model has diverged");
        }
        return requireDistributions(asFloat, what);
    }

    private static INDArray requireDistributions(INDArray p, String what) {
        double low = p.minNumber().doubleValue();
        double high = p.maxNumber().doubleValue();
        double worstSum = Transforms.abs(p.sum(1).subi(1), false).maxNumber().doubleValue();
        if (low < -ROW_SUM_TOLERANCE || high > 1 + ROW_SUM_TOLERANCE || worstSum > ROW_SUM_TOLERANCE) {
            throw new IllegalArgumentException(what + " must be probabilities (entries in [0, 1], rows summing to 1, "
                    + "e.g. a softmax output) but range over [" + low + ", " + high + "] with a row sum off by " + worstSum);
        }
        return p;
    }
}
