package org.quantcourse.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DistillationLossTest {

    /** FLOAT rounding allowance for losses of order 1. */
    private static final double FLOAT_TOLERANCE = 1e-5;
    /** Central differences in FLOAT with step 1e-2: truncation plus rounding error. */
    private static final double NUMERICAL_GRADIENT_TOLERANCE = 5e-4;
    private static final int BATCH = 4;
    private static final int CLASSES = 5;

    @ParameterizedTest(name = "T={0}, alpha={1}")
    @CsvSource({"1, 0", "1, 0.5", "2, 0.5", "4, 1", "0.5, 0.3", "8, 0.9"})
    void gradientMatchesCentralDifferencesOfTheLoss(double temperature, double alpha) {
        DistillationLoss loss = DistillationLoss.of(temperature, alpha);
        INDArray student = RandomLogits.gaussian(BATCH, CLASSES, 1L);
        INDArray teacher = RandomLogits.gaussian(BATCH, CLASSES, 2L);
        INDArray labels = RandomLogits.oneHot(BATCH, CLASSES, 3L);
        INDArray analytic = loss.gradient(student, teacher, labels);
        double h = 1e-2;
        for (int i = 0; i < BATCH; i++) {
            for (int k = 0; k < CLASSES; k++) {
                double plus = loss.compute(RandomLogits.shifted(student, i, k, h), teacher, labels);
                double minus = loss.compute(RandomLogits.shifted(student, i, k, -h), teacher, labels);
                assertEquals((plus - minus) / (2 * h), analytic.getDouble(i, k), NUMERICAL_GRADIENT_TOLERANCE,
                        "d loss / d s[" + i + "," + k + "]");
            }
        }
    }

    @Test
    void alphaZeroIsThePlainCrossEntropyOfTheStudent() {
        INDArray student = RandomLogits.gaussian(BATCH, CLASSES, 1L);
        INDArray labels = RandomLogits.oneHot(BATCH, CLASSES, 3L);
        double expected = 0;
        for (int i = 0; i < BATCH; i++) {
            double logSum = 0;
            for (int k = 0; k < CLASSES; k++) {
                logSum += Math.exp(student.getDouble(i, k));
            }
            int y = Nd4j.argMax(labels.getRow(i)).getInt(0);
            expected -= (student.getDouble(i, y) - Math.log(logSum)) / BATCH;
        }
        assertEquals(expected, DistillationLoss.of(3, 0).compute(student, RandomLogits.gaussian(BATCH, CLASSES, 2L), labels), FLOAT_TOLERANCE);
    }

    @Test
    void aStudentThatCopiesTheTeacherHasNoSoftLossAndNoSoftGradient() {
        INDArray teacher = RandomLogits.gaussian(BATCH, CLASSES, 2L);
        DistillationLoss loss = DistillationLoss.of(4, 1);
        assertEquals(0, loss.compute(teacher, teacher, RandomLogits.oneHot(BATCH, CLASSES, 3L)), FLOAT_TOLERANCE);
        assertEquals(0, loss.gradient(teacher, teacher, RandomLogits.oneHot(BATCH, CLASSES, 3L)).amaxNumber().doubleValue(), FLOAT_TOLERANCE);
    }

    @Test
    void softTargetsAreDistributionsThatGetSofterAsTemperatureRises() {
        INDArray teacher = RandomLogits.gaussian(BATCH, CLASSES, 2L);
        INDArray sharp = DistillationLoss.of(1, 0.5).softTargets(teacher);
        INDArray soft = DistillationLoss.of(5, 0.5).softTargets(teacher);
        for (int i = 0; i < BATCH; i++) {
            assertEquals(1, soft.getRow(i).sumNumber().doubleValue(), FLOAT_TOLERANCE);
            assertTrue(soft.getRow(i).maxNumber().doubleValue() < sharp.getRow(i).maxNumber().doubleValue());
        }
    }

    @Test
    void gradientRowsSumToZeroBecauseSoftmaxIgnoresAShift() {
        INDArray gradient = DistillationLoss.of(2, 0.7).gradient(RandomLogits.gaussian(BATCH, CLASSES, 1L), RandomLogits.gaussian(BATCH, CLASSES, 2L), RandomLogits.oneHot(BATCH, CLASSES, 3L));
        for (int i = 0; i < BATCH; i++) {
            assertEquals(0, gradient.getRow(i).sumNumber().doubleValue(), FLOAT_TOLERANCE);
        }
    }

    @Test
    void hugeLogitsStayFinite() {
        INDArray student = RandomLogits.gaussian(BATCH, CLASSES, 1L).muli(1000);
        double value = DistillationLoss.of(2, 0.5).compute(student, RandomLogits.gaussian(BATCH, CLASSES, 2L).muli(1000), RandomLogits.oneHot(BATCH, CLASSES, 3L));
        assertTrue(Double.isFinite(value), "loss " + value);
    }

    @Test
    void rejectsBadTemperatureAlphaAndShapes() {
        assertThrows(IllegalArgumentException.class, () -> DistillationLoss.of(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> DistillationLoss.of(-1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> DistillationLoss.of(Double.NaN, 0.5));
        assertThrows(IllegalArgumentException.class, () -> DistillationLoss.of(2, -0.1));
        assertThrows(IllegalArgumentException.class, () -> DistillationLoss.of(2, 1.5));
        DistillationLoss loss = DistillationLoss.of(2, 0.5);
        assertThrows(IllegalArgumentException.class,
                () -> loss.compute(RandomLogits.gaussian(BATCH, CLASSES, 1L), Nd4j.zeros(DataType.FLOAT, BATCH, CLASSES + 1), RandomLogits.oneHot(BATCH, CLASSES, 3L)));
        assertThrows(IllegalArgumentException.class,
                () -> loss.compute(RandomLogits.gaussian(BATCH, CLASSES, 1L), RandomLogits.gaussian(BATCH, CLASSES, 2L), Nd4j.zeros(DataType.FLOAT, BATCH, CLASSES)));
        assertThrows(IllegalArgumentException.class,
                () -> loss.gradient(RandomLogits.gaussian(BATCH, CLASSES, 1L), RandomLogits.gaussian(BATCH, CLASSES, 2L), Nd4j.ones(DataType.FLOAT, BATCH, 1)));
    }
}
