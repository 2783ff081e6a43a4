package org.quantcourse.qat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.quant.Scheme;
import org.quantcourse.train.Updaters;

/** BinaryConnect/XNOR-Net binary and TWN ternary weights in training: forward values, the STE, the clipped range. */
class BinaryTernaryWeightsTest {

    private static final float EXACT = 1e-6f;
    private static final double FD_TOLERANCE = 0.05;
    private static final float FD_STEP = 1e-2f;

    private static MultiLayerNetwork fp32;
    private static DataSet batch;

    @BeforeAll
    static void train() {
        fp32 = QatFixtures.trainedCnn();
        batch = QatFixtures.batch(16);
    }

    @Test
    void binaryDenseWeightsAreTheSignTimesEachOutputColumnsMeanAbs() {
        INDArray w = Nd4j.createFromArray(new float[][] {{0.5f, -0.2f}, {-0.1f, 0.4f}, {0.3f, 0f}});
        INDArray projected = FakeQuantWeights.of(Scheme.BINARY, 1, 1, SteMode.CLIPPED).project(w);
        // column 0: mean|w| = 0.3; column 1: mean|w| = 0.2, and sign(0) = +1
        assertArrayEquals(new float[][] {{0.3f, -0.2f}, {-0.3f, 0.2f}, {0.3f, 0.2f}}, projected.toFloatMatrix());
    }

    @Test
    void binaryConvWeightsTakeOneScalePerOutputChannelOnAxisZero() {
        INDArray w = Nd4j.createFromArray(new float[] {1f, -3f, -0.5f, -0.5f}).reshape(2, 1, 1, 2);
        INDArray projected = FakeQuantWeights.of(Scheme.BINARY, 1, 0, SteMode.CLIPPED).project(w);
        assertArrayEquals(new float[] {2f, -2f, -0.5f, -0.5f}, projected.reshape(4).toFloatVector(), EXACT);
    }

    @Test
    void ternaryWeightsUseTwnsThresholdAndTheMeanOfTheKeptMagnitudes() {
        INDArray w = Nd4j.createFromArray(new float[] {0.9f, -0.1f, 0.3f, -0.6f, 0.05f, 0.4f}).reshape(6, 1);
        INDArray projected = FakeQuantWeights.of(Scheme.TERNARY, 2, 1, SteMode.CLIPPED).project(w);
        // mean|w| = 2.35 / 6, threshold 0.7 · that = 0.274; kept 0.9, 0.3, 0.6, 0.4: scale 0.55
        assertArrayEquals(new float[] {0.55f, 0f, 0.55f, -0.55f, 0f, 0.55f}, projected.reshape(6).toFloatVector(), EXACT);
    }

    static Stream<QatSpec> signSpecs() {
        return Stream.of(QatSpec.binary(), QatSpec.ternary(), QatSpec.binary().ste(SteMode.PLAIN),
                QatSpec.ternary().ste(SteMode.PLAIN));
    }

    @ParameterizedTest
    @MethodSource("signSpecs")
    void theForwardPassComputesWithTheProjectedWeightsOfEveryLayer(QatSpec spec) {
        MultiLayerNetwork qat = QatNetwork.prepare(fp32, spec, null, Updaters.adam(1e-3));
        MultiLayerNetwork projected = QatNetwork.projectedWeights(qat);
        INDArray x = batch.getFeatures();
        assertEquals(0, qat.output(x).distance2(projected.output(x)), 1e-5);
        for (int layer : new int[] {0, 1, 3, 4}) {
            INDArray levels = Nd4j.createFromArray(projected.getLayer(layer).getParam("W").dup().data().asFloat());
            long distinct = java.util.Arrays.stream(levels.toDoubleVector()).map(Math::abs).distinct().count();
            long channels = layer == 0 ? 32 : layer == 1 ? 64 : layer == 3 ? 100 : 10;
            assertEquals(true, distinct <= channels + (spec.kind() == QatSpec.WeightKind.TERNARY ? 1 : 0),
                    spec + ", layer " + layer + ": one magnitude per output channel (and 0), got " + distinct);
        }
    }

    @ParameterizedTest
    @MethodSource("signSpecs")
    void theSteGradientIsTheFiniteDifferenceGradientAtTheProjectedWeights(QatSpec spec) {
        MultiLayerNetwork qat = QatNetwork.prepare(fp32, spec, null, Updaters.adam(1e-3));
        MultiLayerNetwork projected = QatNetwork.projectedWeights(qat);
        int layer = 4;
        INDArray ste = weightGradient(qat, layer);
        if (spec.steMode() == SteMode.CLIPPED) {
            QatGradients.apply(qat, qat.gradient());
            ste = qat.gradient().getGradientFor(layer + "_W");
        }
        double largest = ste.amaxNumber().doubleValue();
        INDArray w = projected.getLayer(layer).getParam("W");
        for (long flat : new long[] {0, 13, 421, 998}) {
            long row = flat / w.columns();
            long col = flat % w.columns();
            double fd = QatFixtures.centralDifference(projected, layer, row, col, FD_STEP, batch);
            assertEquals(fd, ste.getDouble(row, col), FD_TOLERANCE * largest + 1e-4, spec + ", weight " + flat);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Scheme.class, names = {"BINARY", "TERNARY"})
    void clippedSteCutsTheGradientOfLatentWeightsBeyondBinaryConnectsRange(Scheme scheme) {
        FakeQuantWeights weights = FakeQuantWeights.of(scheme, scheme == Scheme.BINARY ? 1 : 2, 1, SteMode.CLIPPED);
        INDArray w = Nd4j.createFromArray(new float[][] {{0.5f, -1.5f}, {-0.99f, 2f}});
        INDArray gradient = Nd4j.createFromArray(new float[][] {{1f, 1f}, {1f, 1f}});
        weights.afterGradient(w, gradient);
        assertArrayEquals(new float[][] {{1f, 0f}, {1f, 0f}}, gradient.toFloatMatrix());
    }

    @ParameterizedTest
    @EnumSource(value = Scheme.class, names = {"BINARY", "TERNARY"})
    void plainStePassesEveryGradient(Scheme scheme) {
        FakeQuantWeights weights = FakeQuantWeights.of(scheme, scheme == Scheme.BINARY ? 1 : 2, 1, SteMode.PLAIN);
        INDArray w = Nd4j.createFromArray(new float[][] {{0.5f, -1.5f}, {-0.99f, 2f}});
        INDArray gradient = Nd4j.createFromArray(new float[][] {{1f, 2f}, {3f, 4f}});
        weights.afterGradient(w, gradient);
        assertArrayEquals(new float[][] {{1f, 2f}, {3f, 4f}}, gradient.toFloatMatrix());
    }

    private static INDArray weightGradient(MultiLayerNetwork net, int layer) {
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        return net.gradient().getGradientFor(layer + "_W").dup();
    }
}
