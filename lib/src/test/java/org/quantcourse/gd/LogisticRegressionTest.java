package org.quantcourse.gd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LogisticRegressionTest {

    /** FLOAT rounding allowance for values of order 1. */
    private static final double FLOAT_TOLERANCE = 1e-5;
    /** Central differences in FLOAT with step 1e-2: truncation plus rounding error. */
    private static final double NUMERICAL_GRADIENT_TOLERANCE = 2e-4;
    private static final long SEED = 7L;

    @Test
    void lossEqualsBinaryCrossEntropyComputedByHand() {
        LogisticRegression model = LogisticRegression.fromParams(Nd4j.createFromArray(0.5f, -1f, 0.25f));
        BinaryProblem data = BinaryProblem.of(Nd4j.createFromArray(new float[][] {{1, 2}, {-1, 0.5f}, {0, 0}}),
                Nd4j.createFromArray(1f, 0f, 1f));
        double[] z = {0.5 - 2 + 0.25, -0.5 - 0.5 + 0.25, 0.25};
        double[] y = {1, 0, 1};
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double p = 1 / (1 + Math.exp(-z[i]));
            expected -= (y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p)) / 3;
        }
        assertEquals(expected, model.loss(data), FLOAT_TOLERANCE);
    }

    @Test
    void lossStaysFiniteAndExactForHugeLogits() {
        LogisticRegression model = LogisticRegression.fromParams(Nd4j.createFromArray(1f, 0f));
        BinaryProblem confidentlyWrong = BinaryProblem.of(Nd4j.createFromArray(new float[][] {{200}, {-300}}),
                Nd4j.createFromArray(0f, 1f));
        assertEquals((200 + 300) / 2.0, model.loss(confidentlyWrong), FLOAT_TOLERANCE * 250);
    }

    @Test
    void gradientMatchesCentralDifferencesOfLoss() {
        BinaryProblem data = BinaryProblem.gaussianBlobs(10, 4, 1.0, SEED);
        LogisticRegression model = LogisticRegression.random(4, 0.5, SEED);
        float[] analytic = model.gradient(data).toFloatVector();
        float[] params = model.params().toFloatVector();
        double h = 1e-2;
        for (int i = 0; i < params.length; i++) {
            double plus = model.withParams(shifted(params, i, h)).loss(data);
            double minus = model.withParams(shifted(params, i, -h)).loss(data);
            assertEquals((plus - minus) / (2 * h), analytic[i], NUMERICAL_GRADIENT_TOLERANCE, "parameter " + i);
        }
    }

    @Test
    void paramsAreWeightsThenBiasAndRoundTrip() {
        LogisticRegression model = LogisticRegression.fromParams(Nd4j.createFromArray(1f, 2f, 3f, -4f));
        assertArrayEquals(new long[] {1, 4}, model.params().shape());
        assertArrayEquals(new float[] {1, 2, 3}, model.weights().toFloatVector());
        assertEquals(-4, model.bias());
        assertEquals(3, model.dimension());
        assertArrayEquals(model.params().toFloatVector(), model.withParams(model.params()).params().toFloatVector());
    }

    @Test
    void modelIsNotChangedThroughReturnedArrays() {
        LogisticRegression model = LogisticRegression.zeros(3);
        model.params().addi(5);
        model.weights().addi(5);
        assertArrayEquals(new float[4], model.params().toFloatVector());
    }

    @Test
    void predictionsAndAccuracyFollowTheSignOfTheLogit() {
        LogisticRegression model = LogisticRegression.fromParams(Nd4j.createFromArray(1f, -1f, 0f));
        INDArray x = Nd4j.createFromArray(new float[][] {{2, 1}, {0, 3}, {1, 1}, {-1, -2}});
        assertArrayEquals(new float[] {1, 0, 1, 1}, model.predict(x).toFloatVector());
        assertEquals(0.5f, model.probabilities(x).getFloat(2), FLOAT_TOLERANCE);
        BinaryProblem data = BinaryProblem.of(x, Nd4j.createFromArray(1f, 0f, 0f, 0f));
        assertEquals(0.5, model.accuracy(data), FLOAT_TOLERANCE);
    }

    @Test
    void randomInitialisationIsSeeded() {
        assertArrayEquals(LogisticRegression.random(5, 1, SEED).params().toFloatVector(),
                LogisticRegression.random(5, 1, SEED).params().toFloatVector());
        assertTrue(LogisticRegression.random(5, 1, SEED).params()
                .neq(LogisticRegression.random(5, 1, SEED + 1).params()).any());
    }

    @Test
    void rejectsFeaturesOfTheWrongWidth() {
        LogisticRegression model = LogisticRegression.zeros(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.probabilities(Nd4j.zeros(DataType.FLOAT, 2, 4)));
        assertTrue(e.getMessage().contains("[n, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.loss(BinaryProblem.gaussianBlobs(2, 5, 1, SEED)));
    }

    @Test
    void rejectsParametersOfTheWrongLengthOrDimensionBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.zeros(3).withParams(Nd4j.zeros(1, 3)));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fromParams(Nd4j.zeros(1)));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.zeros(0));
    }

    private static INDArray shifted(float[] params, int index, double h) {
        float[] copy = params.clone();
        copy[index] += (float) h;
        return Nd4j.createFromArray(copy);
    }
}
