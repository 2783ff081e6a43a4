package org.quantcourse.qat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.quantcourse.compress.CompressedModel;
import org.quantcourse.compress.CompressedModelFile;
import org.quantcourse.compress.CompressedLayer;
import org.quantcourse.train.Updaters;

class QatStorageTest {

    private static final double SAME_OUTPUT = 1e-5;

    private static MultiLayerNetwork fp32;
    private static DataSet batch;

    @BeforeAll
    static void train() {
        fp32 = QatFixtures.trainedCnn();
        batch = QatFixtures.batch(16);
    }

    static Stream<QatSpec> storedSpecs() {
        return Stream.of(QatSpec.binary(), QatSpec.ternary(), QatSpec.binary().keepFloat(0, 4),
                QatSpec.binary().withLayer(0, QatSpec.weights(8)).withLayer(4, QatSpec.weights(8)),
                QatSpec.ternary().withLayer(4, QatSpec.weights(8)), QatSpec.weights(4));
    }

    private static MultiLayerNetwork trained(QatSpec spec) {
        MultiLayerNetwork qat = QatNetwork.prepare(fp32, spec, null, Updaters.adam(1e-3));
        qat.fit(batch);
        return qat;
    }

    @ParameterizedTest
    @MethodSource("storedSpecs")
    void theStoredFileComputesWhatTheQatNetworkComputed(QatSpec spec) throws Exception {
        MultiLayerNetwork qat = trained(spec);
        CompressedModel stored = QatStorage.compress(qat);
        CompressedModel reloaded = CompressedModelFile.fromBytes(CompressedModelFile.toBytes(stored));
        INDArray x = batch.getFeatures();
        assertEquals(0, qat.output(x).distance2(reloaded.output(x)), SAME_OUTPUT, spec.toString());
    }

    static Stream<Arguments> bitsPerLayer() {
        return Stream.of(Arguments.of(QatSpec.binary(), new int[] {1, 1, 1, 1}),
                Arguments.of(QatSpec.ternary(), new int[] {2, 2, 2, 2}),
                Arguments.of(QatSpec.binary().keepFloat(0, 4), new int[] {0, 1, 1, 0}),
                Arguments.of(QatSpec.binary().withLayer(0, QatSpec.weights(8)).withLayer(4, QatSpec.weights(8)),
                        new int[] {8, 1, 1, 8}),
                Arguments.of(QatSpec.weights(4), new int[] {4, 4, 4, 4}));
    }

    @ParameterizedTest
    @MethodSource("bitsPerLayer")
    void eachLayerIsStoredAtTheBitsItTrainedWith(QatSpec spec, int[] expected) {
        CompressedModel stored = QatStorage.compress(trained(spec));
        int[] bits = stored.layers().stream().filter(l -> l.params().containsKey("W"))
                .mapToInt(l -> l.quantizedWeight().map(w -> w.tensor().params().bits()).orElse(0)).toArray();
        assertArrayEquals(expected, bits, spec.toString());
    }

    @Test
    void binaryWeightsTakeOneBitEachPlusOneScalePerOutputChannel() {
        CompressedModel stored = QatStorage.compress(trained(QatSpec.binary()));
        CompressedLayer fc1 = stored.layer(3);
        long weights = 2304L * 100;
        assertEquals(weights / 8 + 4 * 100, fc1.quantizedWeight().orElseThrow().storedBytes());
        long ternary = QatStorage.compress(trained(QatSpec.ternary())).layer(3).quantizedWeight().orElseThrow()
                .storedBytes();
        assertEquals(weights / 4 + 4 * 100, ternary);
    }

    @Test
    void theFileIsLargerThanItsPayloadByTheConfigurationAndHeaderOnly() {
        CompressedModel stored = QatStorage.compress(trained(QatSpec.binary()));
        long file = QatStorage.fileBytes(stored);
        long payload = stored.sizeReport().storedBytes();
        assertTrue(file > payload && file < payload + 20_000, "file " + file + " vs payload " + payload);
    }

    @Test
    void quantizedActivationsAndLsqStepsAreClearErrors() {
        MultiLayerNetwork withActivations = QatNetwork.prepare(fp32, QatSpec.binary().activations(8),
                QatFixtures.features(32), Updaters.adam(1e-3));
        IllegalArgumentException activations = assertThrows(IllegalArgumentException.class,
                () -> QatStorage.compress(withActivations));
        assertTrue(activations.getMessage().contains("weights only"));
        MultiLayerNetwork lsq = QatNetwork.prepare(fp32, QatSpec.lsq(3), null, Updaters.adam(1e-3));
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> QatStorage.compress(lsq));
        assertTrue(steps.getMessage().contains("projectedWeights"));
        assertThrows(IllegalArgumentException.class, () -> QatStorage.compress(null));
    }
}
