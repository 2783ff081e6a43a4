package org.quantcourse.qat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.dl4jfix.Dl4jFixes;
import org.quantcourse.quant.Scheme;
import org.quantcourse.train.Updaters;
import tech.tablesaw.api.Table;

class QatNetworkTest {

    /** Float32 finite differences of a cross-entropy: agreement to this fraction of the largest gradient. */
    private static final double FD_TOLERANCE = 0.05;
    private static final float FD_STEP = 1e-2f;
    private static final double SAME_OUTPUT = 1e-5;

    private static MultiLayerNetwork fp32;
    private static DataSet batch;

    @BeforeAll
    static void train() {
        fp32 = QatFixtures.trainedCnn();
        batch = QatFixtures.batch(16);
    }

    static Stream<QatSpec> weightSpecs() {
        return Stream.of(QatSpec.weights(2), QatSpec.weights(3), QatSpec.weights(4), QatSpec.weights(8),
                QatSpec.lsq(2), QatSpec.lsq(4), QatSpec.binary(), QatSpec.ternary());
    }

    private static MultiLayerNetwork prepare(QatSpec spec) {
        return QatNetwork.prepare(fp32, spec, QatFixtures.features(64), Updaters.adam(1e-3));
    }

    private static INDArray weightGradient(MultiLayerNetwork net, int layer) {
        return QatGradients.weightGradient(net, layer, batch);
    }

    @ParameterizedTest
    @MethodSource("weightSpecs")
    void theWeightGradientIsTheGradientAtTheProjectedWeightsPlainSte(QatSpec spec) {
        MultiLayerNetwork qat = prepare(spec.ste(SteMode.PLAIN));
        MultiLayerNetwork projected = QatNetwork.projectedWeights(qat);
        for (int layer = 0; layer < qat.getnLayers(); layer++) {
            if (QatNetwork.projections(qat).get(layer).isPresent()) {
                INDArray ste = weightGradient(qat, layer);
                INDArray atProjection = weightGradient(projected, layer);
                assertEquals(0, ste.distance1(atProjection) / Math.max(1e-12, atProjection.norm1Number().doubleValue()),
                        1e-4, spec + ", layer " + layer);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void theGradientAtTheProjectedWeightsMatchesFiniteDifferences(int bits) {
        MultiLayerNetwork projected = QatNetwork.projectedWeights(prepare(QatSpec.weights(bits)));
        int layer = 4;
        INDArray gradient = weightGradient(projected, layer);
        double largest = gradient.amaxNumber().doubleValue();
        INDArray w = projected.getLayer(layer).getParam("W");
        for (long flat : new long[] {0, 17, 333, 999}) {
            long row = flat / w.columns();
            long col = flat % w.columns();
            double fd = QatFixtures.centralDifference(projected, layer, row, col, FD_STEP, batch);
            assertEquals(fd, gradient.getDouble(row, col), FD_TOLERANCE * largest + 1e-4,
                    bits + " bits, weight (" + row + ", " + col + ")");
        }
    }

    @Test
    void clippedSteCutsTheGradientWhereLsqClipsAndPassesItElsewhere() {
        MultiLayerNetwork qat = prepare(QatSpec.lsq(2));
        int layer = 3;
        INDArray ste = weightGradient(qat, layer);
        INDArray mask = QatNetwork.projections(qat).get(layer).get().gradientMask(qat.getLayer(layer).getParam("W"));
        QatGradients.apply(qat, qat.gradient());
        INDArray masked = qat.gradient().getGradientFor(layer + "_W");
        assertTrue(mask.minNumber().doubleValue() == 0, "2-bit LSQ clips some weights of fc1");
        assertEquals(0, masked.sub(ste.mul(mask)).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void lsqLearnsItsStepsDuringTraining() {
        MultiLayerNetwork qat = prepare(QatSpec.lsq(2).stepRate(0.01));
        LsqWeights weights = (LsqWeights) QatNetwork.projections(qat).get(3).get();
        float[] before = weights.steps();
        qat.fit(batch);
        qat.fit(batch);
        assertFalse(java.util.Arrays.equals(before, weights.steps()), "the steps move");
    }

    @Test
    void theQatNetworkComputesWhatModelQuantizerStoresForTheSameQuantizer() {
        MultiLayerNetwork qat = prepare(QatSpec.weights(3));
        INDArray deployed = ModelQuantizer.quantize(QatNetwork.latentWeights(qat), QuantSpec.symmetric(3).perChannel())
                .weightOnlyNetwork().output(batch.getFeatures());
        assertEquals(0, qat.output(batch.getFeatures()).distance2(deployed), SAME_OUTPUT);
    }

    @Test
    void activationSitesFollowEveryHiddenLayerAndKeepTheNetworkFunction() {
        MultiLayerNetwork qat = prepare(QatSpec.weights(8).activations(8));
        assertEquals(fp32.getnLayers() * 2 - 1, qat.getnLayers());
        assertInstanceOf(FakeQuantActivation.class, qat.getLayer(1).conf().getLayer());
        double agreement = qat.output(batch.getFeatures()).argMax(1).eq(fp32.output(batch.getFeatures()).argMax(1))
                .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue();
        assertTrue(agreement >= 0.9, "8-bit weights and activations agree with FP32 on " + agreement);
    }

    @Test
    void firstAndLastLayersCanKeepFp32Weights() {
        MultiLayerNetwork qat = prepare(QatSpec.binary().keepFloat(0, 4));
        assertFalse(QatNetwork.projections(qat).get(0).isPresent());
        assertTrue(QatNetwork.projections(qat).get(1).isPresent());
        assertFalse(QatNetwork.projections(qat).get(4).isPresent());
    }

    static Stream<QatSpec> savedSpecs() {
        return Stream.of(QatSpec.weights(4).activations(8), QatSpec.lsq(3).activations(8), QatSpec.binary(),
                QatSpec.ternary().ste(SteMode.PLAIN));
    }

    @ParameterizedTest
    @MethodSource("savedSpecs")
    void qatNetworksSerialiseAndReloadWithTheirHooksAndSteps(QatSpec spec, @TempDir Path dir) throws Exception {
        MultiLayerNetwork qat = prepare(spec);
        qat.fit(batch);
        File file = dir.resolve("qat.zip").toFile();
        ModelSerializer.writeModel(qat, file, true);
        MultiLayerNetwork loaded = Dl4jFixes.restore(file, true);
        assertEquals(qat.getLayerWiseConfigurations(), loaded.getLayerWiseConfigurations());
        assertEquals(QatNetwork.projections(qat), QatNetwork.projections(loaded));
        assertEquals(0, qat.output(batch.getFeatures()).distance2(loaded.output(batch.getFeatures())), SAME_OUTPUT);
        MultiLayerConfiguration json = MultiLayerConfiguration.fromJson(qat.getLayerWiseConfigurations().toJson());
        assertEquals(qat.getLayerWiseConfigurations(), json);
    }

    @Test
    void theFp32NetworkIsNotChanged() {
        INDArray before = fp32.params().dup();
        MultiLayerNetwork qat = prepare(QatSpec.weights(2).activations(8));
        qat.fit(batch);
        assertEquals(before, fp32.params());
        assertNotEquals(before, QatNetwork.latentWeights(qat).params());
    }

    @Test
    void theSummaryNamesEveryLayerAndWhatItComputesWith() {
        MultiLayerNetwork qat = prepare(QatSpec.weights(3).activations(8).keepFloat(4));
        Table summary = QatNetwork.summary(qat);
        assertEquals(qat.getnLayers(), summary.rowCount());
        assertEquals("3-bit symmetric per channel, clipped STE", summary.stringColumn("forward pass").get(0));
        assertTrue(summary.stringColumn("forward pass").get(1).startsWith("FakeQuantActivation("));
        assertEquals("FP32 weights", summary.stringColumn("forward pass").get(summary.rowCount() - 1));
        assertTrue(summary.stringColumn("forward pass").asList().contains("no weights"), "the pooling layer");
    }

    @Test
    void weightGradientOfALayerWithoutWeightsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QatGradients.weightGradient(fp32, 2, batch));
        assertTrue(e.getMessage().contains("no weights"));
    }

    @Test
    void clippedSteOnSymmetricMinMaxWeightsLeavesTheGradientAsItIs() {
        FakeQuantWeights weights = FakeQuantWeights.of(Scheme.SYMMETRIC, 2, 1, SteMode.CLIPPED);
        INDArray w = fp32.getLayer(3).getParam("W");
        assertEquals(w.length(), weights.gradientMask(w).sumNumber().longValue(), "min-max never clips");
        INDArray gradient = w.mul(3);
        weights.afterGradient(w, gradient);
        assertEquals(w.mul(3), gradient);
    }

    @Test
    void missingCalibrationForActivationsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QatNetwork.prepare(fp32, QatSpec.weights(4).activations(8), null, Updaters.adam(1e-3)));
        assertTrue(e.getMessage().contains("calibration"));
    }
}
