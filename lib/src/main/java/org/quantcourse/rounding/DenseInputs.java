package org.quantcourse.rounding;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checks and mini-batches of a dense layer's calibration inputs {@code X [n, nIn]}. */
final class DenseInputs {
    private DenseInputs() {}

    /** Rejects inputs that do not fit {@code W [nIn, nOut]}. */
    static void check(INDArray weights, INDArray inputs) {
        if (weights == null || inputs == null) {
            throw new IllegalArgumentException("weights and calibration inputs must not be null");
        }
        if (inputs.rank() != 2 || weights.rank() != 2 || inputs.size(1) != weights.size(0) || inputs.size(0) < 1) {
            throw new IllegalArgumentException("calibration inputs must be [n >= 1, nIn] for a weight [nIn, nOut];"
                    + " got inputs " + Arrays.toString(inputs.shape()) + " and weight "
                    + Arrays.toString(weights.shape()));
        }
    }

    /** {@code rows} rows drawn without replacement (all of {@code x} when it has no more). */
    static INDArray batch(INDArray x, int rows, SplittableRandom random) {
        int n = (int) x.size(0);
        if (rows >= n) {
            return x;
        }
        int[] pick = random.ints(0, n).distinct().limit(rows).toArray();
        return Nd4j.pullRows(x, 1, pick);
    }
}
