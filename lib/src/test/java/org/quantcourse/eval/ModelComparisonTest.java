package org.quantcourse.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class ModelComparisonTest {

    /** FLOAT rounding allowance for per-sample averages of order 1. */
    private static final double FLOAT_TOLERANCE = 1e-5;
    private static final long SEED = 5L;

    @Test
    void handMadePredictionsGiveTheDocumentedValues() {
        double[][] p = {{0.8, 0.2}, {0.4, 0.6}};
        double[][] q = {{0.6, 0.4}, {0.7, 0.3}};
        ModelComparison c = ModelComparison.fromPredictions(Nd4j.createFromArray(toFloat(p)),
                Nd4j.createFromArray(toFloat(q)), Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}}));
        double crossEntropy = 0;
        double entropy = 0;
        for (int n = 0; n < 2; n++) {
            for (int k = 0; k < 2; k++) {
                crossEntropy -= p[n][k] * Math.log(q[n][k]) / 2;
                entropy -= p[n][k] * Math.log(p[n][k]) / 2;
            }
        }
        assertEquals(2, c.sampleCount());
        assertEquals(crossEntropy, c.articleLoss(), FLOAT_TOLERANCE);
        assertEquals(entropy, c.referenceEntropy(), FLOAT_TOLERANCE);
        assertEquals(crossEntropy - entropy, c.klDivergence(), FLOAT_TOLERANCE);
        assertEquals((0.04 + 0.04 + 0.09 + 0.09) / 4, c.meanSquaredError(), FLOAT_TOLERANCE);
        assertEquals(0.5, c.top1Agreement(), 1e-12);
        assertEquals(1.0, c.referenceAccuracy(), 1e-12);
        assertEquals(0.5, c.candidateAccuracy(), 1e-12);
        assertEquals(-0.5, c.accuracyChange(), 1e-12);
    }

    @Test
    void aModelComparedWithItselfAgreesCompletelyAndItsLossIsItsEntropy() {
        MultiLayerNetwork net = Fixtures.classifier(Fixtures.CLASSES, SEED);
        ModelComparison c = ModelComparison.of(net, net.clone(), Fixtures.iterator(Fixtures.blobs(100, SEED), 32));
        assertEquals(100, c.sampleCount());
        assertEquals(0, c.meanSquaredError(), 1e-12);
        assertEquals(0, c.klDivergence(), FLOAT_TOLERANCE);
        assertEquals(c.referenceEntropy(), c.articleLoss(), FLOAT_TOLERANCE);
        assertTrue(c.referenceEntropy() > 0.1, "an untrained net is unsure, so its entropy is well above 0");
        assertEquals(1.0, c.top1Agreement(), 0);
        assertEquals(c.referenceAccuracy(), c.candidateAccuracy(), 0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3, 1.0})
    void articleLossIsKlDivergencePlusReferenceEntropy(double noise) {
        MultiLayerNetwork net = Fixtures.classifier(Fixtures.CLASSES, SEED);
        ModelComparison c = ModelComparison.of(net, Fixtures.perturbed(net, noise, SEED),
                Fixtures.iterator(Fixtures.blobs(100, SEED), 32));
        assertEquals(c.klDivergence() + c.referenceEntropy(), c.articleLoss(), FLOAT_TOLERANCE * 10);
        assertTrue(c.klDivergence() > 0 && c.meanSquaredError() > 0);
    }

    @Test
    void accuraciesMatchSeparateEvaluations() {
        MultiLayerNetwork reference = Fixtures.classifier(Fixtures.CLASSES, SEED);
        MultiLayerNetwork candidate = Fixtures.perturbed(reference, 0.5, SEED);
        DataSet data = Fixtures.blobs(120, SEED);
        ModelComparison c = ModelComparison.of(reference, candidate, Fixtures.iterator(data, 25));
        assertEquals(EvaluationResult.of(reference, Fixtures.iterator(data, 25)).accuracy(), c.referenceAccuracy(), 1e-12);
        assertEquals(EvaluationResult.of(candidate, Fixtures.iterator(data, 25)).accuracy(), c.candidateAccuracy(), 1e-12);
    }

    @Test
    void largerPerturbationDivergesMore() {
        MultiLayerNetwork net = Fixtures.classifier(Fixtures.CLASSES, SEED);
        DataSet data = Fixtures.blobs(200, SEED);
        ModelComparison small = ModelComparison.of(net, Fixtures.perturbed(net, 0.01, SEED), Fixtures.iterator(data, 50));
        ModelComparison large = ModelComparison.of(net, Fixtures.perturbed(net, 1.0, SEED), Fixtures.iterator(data, 50));
        assertTrue(large.klDivergence() > small.klDivergence());
        assertTrue(large.meanSquaredError() > small.meanSquaredError());
        assertTrue(small.top1Agreement() > 0.95);
    }

    @Test
    void zeroCandidateProbabilitiesGiveFiniteLosses() {
        ModelComparison c = ModelComparison.fromPredictions(Nd4j.createFromArray(new float[][] {{0.5f, 0.5f}}),
                Nd4j.createFromArray(new float[][] {{1, 0}}), Nd4j.createFromArray(new float[][] {{1, 0}}));
        assertEquals(-0.5 * Math.log(Probabilities.EPSILON), c.articleLoss(), 1e-3);
        assertTrue(Double.isFinite(c.klDivergence()) && c.klDivergence() > 0);
    }

    @Test
    void rejectsNetworksWithDifferentOutputSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelComparison.of(Fixtures.classifier(3, SEED), Fixtures.classifier(4, SEED),
                        Fixtures.iterator(Fixtures.blobs(10, SEED), 5)));
        assertTrue(e.getMessage().contains("3 classes") && e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void rejectsEmptyDataAndMissingModels() {
        MultiLayerNetwork net = Fixtures.classifier(Fixtures.CLASSES, SEED);
        assertThrows(IllegalArgumentException.class, () -> ModelComparison.of(net, net,
                new org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator<>(java.util.List.<DataSet>of())));
        assertThrows(IllegalArgumentException.class,
                () -> ModelComparison.of((Predictor) null, Predictor.of(net), Fixtures.iterator(Fixtures.blobs(4, SEED), 2)));
    }

    @Test
    void summaryNamesEveryMeasure() {
        String summary = ModelComparison.fromPredictions(Nd4j.createFromArray(new float[][] {{0.9f, 0.1f}}),
                Nd4j.createFromArray(new float[][] {{0.8f, 0.2f}}), Nd4j.createFromArray(new float[][] {{1, 0}})).summary();
        for (String measure : new String[] {"article loss", "mean squared error", "KL", "entropy", "top-1", "accuracy"}) {
            assertTrue(summary.contains(measure), summary);
        }
    }

    private static float[][] toFloat(double[][] values) {
        float[][] result = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            result[i] = new float[values[i].length];
            for (int j = 0; j < values[i].length; j++) {
                result[i][j] = (float) values[i][j];
            }
        }
        return result;
    }

    @Test
    void tableHasOneRowPerNamedComparisonInOrder() {
        ModelComparison a = ModelComparison.fromPredictions(Nd4j.createFromArray(new float[][] {{0.8f, 0.2f}}),
                Nd4j.createFromArray(new float[][] {{0.6f, 0.4f}}), Nd4j.createFromArray(new float[][] {{1, 0}}));
        ModelComparison b = ModelComparison.fromPredictions(Nd4j.createFromArray(new float[][] {{0.8f, 0.2f}}),
                Nd4j.createFromArray(new float[][] {{0.3f, 0.7f}}), Nd4j.createFromArray(new float[][] {{1, 0}}));
        Map<String, ModelComparison> named = new LinkedHashMap<>();
        named.put("close", a);
        named.put("far", b);
        Table t = ModelComparison.table("two", named);
        assertEquals(List.of("model", "accuracy", "article loss", "KL", "top-1 agreement"), t.columnNames());
        assertEquals(List.of("close", "far"), t.stringColumn("model").asList());
        assertEquals(List.of(1.0, 0.0), t.doubleColumn("top-1 agreement").asList());
        assertEquals(b.klDivergence(), t.doubleColumn("KL").get(1), 1e-12);
        assertEquals(b.candidateAccuracy(), t.doubleColumn("accuracy").get(1), 1e-12);
    }
}
