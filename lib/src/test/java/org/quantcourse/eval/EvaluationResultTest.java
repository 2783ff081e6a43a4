package org.quantcourse.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import tech.tablesaw.api.Table;

class EvaluationResultTest {

    /** FLOAT rounding allowance for losses of order 1. */
    private static final double FLOAT_TOLERANCE = 1e-5;
    private static final long SEED = 42L;

    /** True classes 0,0,1,1,2,2; predicted 0,1,1,1,0,2. */
    private static final float[][] PROBABILITIES = {
        {0.7f, 0.2f, 0.1f}, {0.3f, 0.6f, 0.1f}, {0.1f, 0.8f, 0.1f},
        {0.2f, 0.5f, 0.3f}, {0.5f, 0.1f, 0.4f}, {0f, 0f, 1f}};
    private static final float[][] LABELS = {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}};

    private static EvaluationResult handMade() {
        return EvaluationResult.fromPredictions(Nd4j.createFromArray(PROBABILITIES), Nd4j.createFromArray(LABELS));
    }

    @Test
    void confusionMatrixAndAccuracyOfHandMadePredictions() {
        EvaluationResult result = handMade();
        assertArrayEquals(new int[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 1}}, result.confusionMatrix());
        assertEquals(6, result.sampleCount());
        assertEquals(4, result.correctCount());
        assertEquals(4 / 6.0, result.accuracy(), 1e-12);
        assertEquals(0.5, result.classAccuracy(0), 1e-12);
        assertEquals(1.0, result.classAccuracy(1), 1e-12);
        assertEquals(0.5, result.classAccuracy(2), 1e-12);
    }

    @Test
    void aBatchLargerThanTheChunkSizeReachesThePredictorInChunksAndGivesTheSameResult() {
        int rows = 2 * Predictor.CHUNK_ROWS + 44;
        INDArray logits = RandomLogits.gaussian(rows, 10, SEED);
        INDArray probabilities = Nd4j.nn.softmax(logits, 1);
        INDArray labels = RandomLogits.oneHot(rows, 10, SEED + 1);
        List<Long> seen = new ArrayList<>();
        long[] nextRow = {0};
        Predictor rowsInOrder = features -> {
            seen.add(features.size(0));
            INDArray out = probabilities.get(NDArrayIndex.interval(nextRow[0], nextRow[0] + features.size(0)));
            nextRow[0] += features.size(0);
            return out;
        };
        EvaluationResult chunked = EvaluationResult.of(rowsInOrder,
                new ExistingDataSetIterator(List.of(new DataSet(logits, labels))));
        assertEquals(List.of((long) Predictor.CHUNK_ROWS, (long) Predictor.CHUNK_ROWS, 44L), seen);
        EvaluationResult whole = EvaluationResult.fromPredictions(probabilities, labels);
        assertArrayEquals(whole.confusionMatrix(), chunked.confusionMatrix());
        assertEquals(whole.meanLoss(), chunked.meanLoss(), FLOAT_TOLERANCE);
    }

    @Test
    void meanLossIsMeanNegativeLogProbabilityOfTheTrueClass() {
        double expected = -(Math.log(0.7) + Math.log(0.3) + Math.log(0.8) + Math.log(0.5) + Math.log(0.4) + Math.log(1)) / 6;
        assertEquals(expected, handMade().meanLoss(), FLOAT_TOLERANCE);
    }

    @Test
    void zeroProbabilityForTheTrueClassCostsMinusLogEpsilonNotInfinity() {
        EvaluationResult result = EvaluationResult.fromPredictions(Nd4j.createFromArray(new float[][] {{1, 0}}),
                Nd4j.createFromArray(new float[][] {{0, 1}}));
        assertEquals(-Math.log(Probabilities.EPSILON), result.meanLoss(), 1e-3);
    }

    @Test
    void tablesShowPerClassAccuracyAndConfusionWithTrueClassesAsRows() {
        Table perClass = handMade().perClassAccuracy();
        assertEquals(List.of("class", "count", "correct", "accuracy"), perClass.columnNames());
        assertEquals(List.of(2, 2, 2), perClass.intColumn("count").asList());
        assertEquals(List.of(1, 2, 1), perClass.intColumn("correct").asList());
        Table confusion = handMade().confusionTable();
        assertEquals(List.of("true", "pred_0", "pred_1", "pred_2"), confusion.columnNames());
        assertEquals(List.of(1, 0, 1), confusion.intColumn("pred_0").asList());
        assertTrue(handMade().summary().contains("accuracy: 66.67%"), handMade().summary());
    }

    @Test
    void resultIsImmutableAndHasValueEquality() {
        EvaluationResult result = handMade();
        result.confusionMatrix()[0][0] = 99;
        assertEquals(1, result.confusionMatrix()[0][0]);
        assertEquals(handMade(), result);
        assertEquals(handMade().hashCode(), result.hashCode());
    }

    @Test
    void classWithoutSamplesHasUndefinedAccuracy() {
        EvaluationResult result = new EvaluationResult(new int[][] {{3, 1}, {0, 0}}, 0.1);
        assertTrue(Double.isNaN(result.classAccuracy(1)));
        assertEquals(0.75, result.accuracy(), 1e-12);
    }

    @Test
    void networkEvaluationAgreesWithDl4jEvaluationAndScore() {
        MultiLayerNetwork net = Fixtures.classifier(Fixtures.CLASSES, SEED);
        DataSet data = Fixtures.blobs(150, SEED);
        EvaluationResult ours = EvaluationResult.of(net, Fixtures.iterator(data, 16));
        org.nd4j.evaluation.classification.Evaluation theirs = net.evaluate(Fixtures.iterator(data, 16));
        assertEquals(150, ours.sampleCount());
        assertEquals(theirs.accuracy(), ours.accuracy(), 1e-12);
        for (int t = 0; t < Fixtures.CLASSES; t++) {
            for (int p = 0; p < Fixtures.CLASSES; p++) {
                assertEquals(theirs.getConfusion().getCount(t, p), ours.confusionMatrix()[t][p], "true " + t + ", predicted " + p);
            }
        }
        assertEquals(net.score(data), ours.meanLoss(), FLOAT_TOLERANCE * Math.max(1, ours.meanLoss()));
    }

    @Test
    void iteratorIsResetSoRepeatedEvaluationsAgree() {
        MultiLayerNetwork net = Fixtures.classifier(Fixtures.CLASSES, SEED);
        var iterator = Fixtures.iterator(Fixtures.blobs(40, SEED), 16);
        assertEquals(EvaluationResult.of(net, iterator), EvaluationResult.of(net, iterator));
    }

    @Test
    void rejectsFeaturesOfTheWrongShape() {
        MultiLayerNetwork net = Fixtures.classifier(Fixtures.CLASSES, SEED);
        DataSet wrongWidth = new DataSet(Nd4j.zeros(DataType.FLOAT, 4, 5), oneHot(4, 0, 1, 2, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationResult.of(net, new ExistingDataSetIterator(List.of(wrongWidth))));
        assertTrue(e.getMessage().contains("[4, 5]"), e.getMessage());
    }

    @Test
    void rejectsLabelsWithMoreClassesThanTheNetworkOutputs() {
        MultiLayerNetwork net = Fixtures.classifier(Fixtures.CLASSES, SEED);
        DataSet fourClasses = new DataSet(Nd4j.zeros(DataType.FLOAT, 2, Fixtures.FEATURES),
                Nd4j.createFromArray(new float[][] {{0, 0, 0, 1}, {1, 0, 0, 0}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationResult.of(net, new ExistingDataSetIterator(List.of(fourClasses))));
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
    }

    @Test
    void rejectsLabelsThatAreNotOneHot() {
        INDArray p = Nd4j.createFromArray(new float[][] {{0.5f, 0.5f}, {0.5f, 0.5f}});
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationResult.fromPredictions(p, Nd4j.createFromArray(new float[][] {{0, 2}, {1, 0}})));
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationResult.fromPredictions(p, Nd4j.createFromArray(new float[][] {{0, 0}, {1, 0}})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationResult.fromPredictions(p, Nd4j.createFromArray(new float[][] {{1, 0}, {1, 1}})));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void rejectsFeatureAndLabelRowCountMismatch() {
        MultiLayerNetwork net = Fixtures.classifier(Fixtures.CLASSES, SEED);
        DataSet mismatched = new DataSet(Nd4j.zeros(DataType.FLOAT, 4, Fixtures.FEATURES), oneHot(3, 0, 1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationResult.of(net, new ExistingDataSetIterator(List.of(mismatched))));
        assertTrue(e.getMessage().contains("4 feature rows but 3 label rows"), e.getMessage());
    }

    @Test
    void rejectsEmptyData() {
        MultiLayerNetwork net = Fixtures.classifier(Fixtures.CLASSES, SEED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationResult.of(net, new ListDataSetIterator<>(List.<DataSet>of())));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationResult.fromPredictions(Nd4j.zeros(DataType.FLOAT, 0, 3), Nd4j.zeros(DataType.FLOAT, 0, 3)));
    }

    @Test
    void rejectsAPredictorThatReturnsLogitsInsteadOfProbabilities() {
        Predictor logits = features -> Nd4j.createFromArray(new float[][] {{2.5f, -1f, 0.3f}});
        DataSet one = new DataSet(Nd4j.zeros(DataType.FLOAT, 1, Fixtures.FEATURES), oneHot(1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationResult.of(logits, new ExistingDataSetIterator(List.of(one))));
        assertTrue(e.getMessage().contains("softmax"), e.getMessage());
    }

    @Test
    void rejectsNaNPredictionsOfADivergedModel() {
        INDArray p = Nd4j.createFromArray(new float[][] {{Float.NaN, 0.5f}, {0.5f, 0.5f}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationResult.fromPredictions(p, Nd4j.createFromArray(new float[][] {{0, 1}, {1, 0}})));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    private static INDArray oneHot(int rows, int... classes) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, rows, Fixtures.CLASSES);
        for (int i = 0; i < rows; i++) {
            labels.putScalar(i, classes[i], 1);
        }
        return labels;
    }
}
