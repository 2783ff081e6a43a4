package org.quantcourse.gd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class OptimizerTest {

    /** FLOAT rounding allowance for values of order 1. */
    private static final double FLOAT_TOLERANCE = 1e-5;
    private static final long SEED = 3L;
    private static final BinaryProblem BLOBS = BinaryProblem.gaussianBlobs(40, 6, 4.0, SEED);

    static Stream<Optimizer> everyOptimizer() {
        return Stream.of(GradientDescent.of(1.0), StochasticGradientDescent.of(0.05, SEED),
                MiniBatchGradientDescent.of(16, 0.5, SEED), Momentum.of(16, 0.1, 0.9, SEED),
                Momentum.nesterov(16, 0.1, 0.9, SEED),
                MiniBatchGradientDescent.of(16, RateSchedule.cosineDecay(0.5, 0.01, 10, ScheduleUnit.EPOCH), SEED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOptimizer")
    void everyOptimizerLearnsSeparableBlobs(Optimizer optimizer) {
        GradientDescentRun run = optimizer.run(LogisticRegression.zeros(6), BLOBS, 10);
        assertEquals(Math.log(2), run.epochLosses().get(0), FLOAT_TOLERANCE, "a zero model predicts 0.5 everywhere");
        assertTrue(run.finalLoss() < 0.25, optimizer.name() + " final loss " + run.finalLoss());
        assertTrue(run.finalModel().accuracy(BLOBS) > 0.95, optimizer.name() + " accuracy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOptimizer")
    void repeatedRunsAreIdenticalSoNoStateLeaksBetweenRuns(Optimizer optimizer) {
        LogisticRegression start = LogisticRegression.random(6, 0.1, SEED);
        GradientDescentRun first = optimizer.run(start, BLOBS, 3);
        GradientDescentRun second = optimizer.run(start, BLOBS, 3);
        assertArrayEquals(first.finalModel().params().toFloatVector(), second.finalModel().params().toFloatVector());
        assertEquals(first.steps(), second.steps());
    }

    @Test
    void runRecordsEveryStepAndEveryEpochInTables() {
        GradientDescentRun run = MiniBatchGradientDescent.of(32, 0.1, SEED).run(LogisticRegression.zeros(6), BLOBS, 4);
        assertEquals(4 * 3, run.steps().size(), "80 samples in batches of 32 = 3 steps per epoch");
        Table steps = run.stepTable();
        assertEquals(List.of("optimizer", "step", "epoch", "learning_rate", "batch_loss"), steps.columnNames());
        assertEquals(12, steps.rowCount());
        assertEquals(11, steps.intColumn("step").getInt(11));
        assertEquals(3, steps.intColumn("epoch").getInt(11));
        Table epochs = run.epochTable();
        assertEquals(5, epochs.rowCount());
        assertEquals(run.finalLoss(), epochs.doubleColumn("loss").getDouble(4), 0);
        assertEquals(run.finalModel().loss(BLOBS), run.finalLoss(), 0);
    }

    @Test
    void stochasticGradientDescentVisitsEverySampleOncePerEpochInASeededShuffle() {
        StochasticGradientDescent sgd = StochasticGradientDescent.of(0.1, SEED);
        int[] epoch0 = flatten(sgd.batches(50, 0));
        int[] sorted = epoch0.clone();
        Arrays.sort(sorted);
        assertArrayEquals(java.util.stream.IntStream.range(0, 50).toArray(), sorted);
        assertArrayEquals(epoch0, flatten(StochasticGradientDescent.of(0.1, SEED).batches(50, 0)), "same seed, same order");
        assertFalse(Arrays.equals(epoch0, flatten(sgd.batches(50, 1))), "each epoch reshuffles");
        assertFalse(Arrays.equals(epoch0, flatten(StochasticGradientDescent.of(0.1, SEED + 1).batches(50, 0))));
        assertTrue(sgd.batches(50, 0).stream().allMatch(b -> b.length == 1));
    }

    @Test
    void miniBatchesHaveTheRequestedSizeExceptALastSmallerOne() {
        List<int[]> batches = MiniBatchGradientDescent.of(16, 0.1, SEED).batches(50, 0);
        assertArrayEquals(new int[] {16, 16, 16, 2}, batches.stream().mapToInt(b -> b.length).toArray());
    }

    @Test
    void fullBatchIsOneBatchInNaturalOrder() {
        int[] natural = java.util.stream.IntStream.range(0, 50).toArray();
        assertEquals(1, GradientDescent.of(0.1).batches(50, 3).size());
        assertArrayEquals(natural, GradientDescent.of(0.1).batches(50, 3).get(0));
        assertArrayEquals(natural, Momentum.of(Optimizer.FULL_BATCH, 0.1, 0.9, SEED).batches(50, 3).get(0));
    }

    @Test
    void classicalMomentumAccumulatesAConstantGradientGeometrically() {
        UpdateRule rule = Momentum.of(1, 0.1, 0.5, SEED).newUpdateRule();
        INDArray gradient = Nd4j.createFromArray(2f, -4f);
        double[] expectedStepOnFirst = {0.2, 0.3, 0.35, 0.375};
        for (int t = 0; t < 4; t++) {
            INDArray update = rule.update(gradient, t, 0);
            assertEquals(expectedStepOnFirst[t], update.getDouble(0), FLOAT_TOLERANCE, "step " + t);
            assertEquals(-2 * expectedStepOnFirst[t], update.getDouble(1), FLOAT_TOLERANCE, "step " + t);
        }
    }

    @Test
    void nesterovLooksAheadOnAConstantGradient() {
        UpdateRule rule = Momentum.nesterov(1, 0.1, 0.5, SEED).newUpdateRule();
        INDArray gradient = Nd4j.createFromArray(1f);
        double[] velocities = {0, -0.1, -0.15, -0.175};
        for (int t = 1; t < 4; t++) {
            double expected = 0.5 * velocities[t - 1] - 1.5 * velocities[t];
            assertEquals(expected, rule.update(gradient, t - 1, 0).getDouble(0), FLOAT_TOLERANCE, "step " + t);
        }
    }

    @Test
    void momentumOfZeroIsPlainMiniBatchDescent() {
        LogisticRegression start = LogisticRegression.random(6, 0.1, SEED);
        float[] plain = MiniBatchGradientDescent.of(8, 0.2, SEED).run(start, BLOBS, 2).finalModel().params().toFloatVector();
        float[] heavyBall = Momentum.of(8, 0.2, 0.0, SEED).run(start, BLOBS, 2).finalModel().params().toFloatVector();
        float[] nesterov = Momentum.nesterov(8, 0.2, 0.0, SEED).run(start, BLOBS, 2).finalModel().params().toFloatVector();
        assertArrayEquals(plain, heavyBall, (float) FLOAT_TOLERANCE);
        assertArrayEquals(plain, nesterov, (float) FLOAT_TOLERANCE);
    }

    @Test
    void classicalMomentumIsNotDl4jStyleNesterov() {
        LogisticRegression start = LogisticRegression.random(6, 0.1, SEED);
        float[] heavyBall = Momentum.of(8, 0.2, 0.9, SEED).run(start, BLOBS, 2).finalModel().params().toFloatVector();
        float[] nesterov = Momentum.nesterov(8, 0.2, 0.9, SEED).run(start, BLOBS, 2).finalModel().params().toFloatVector();
        assertFalse(Arrays.equals(heavyBall, nesterov));
    }

    @Test
    void rejectsBadSettingsAndMismatchedRuns() {
        assertThrows(IllegalArgumentException.class, () -> MiniBatchGradientDescent.of(0, 0.1, SEED));
        assertThrows(IllegalArgumentException.class, () -> Momentum.of(8, 0.1, 1.0, SEED));
        assertThrows(IllegalArgumentException.class, () -> Momentum.nesterov(8, 0.1, -0.1, SEED));
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.of((RateSchedule) null));
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.of(-0.1));
        Optimizer gd = GradientDescent.of(0.1);
        assertThrows(IllegalArgumentException.class, () -> gd.run(LogisticRegression.zeros(6), BLOBS, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gd.run(LogisticRegression.zeros(5), BLOBS, 1));
        assertTrue(e.getMessage().contains("6 features"), e.getMessage());
    }

    private static int[] flatten(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }
}
