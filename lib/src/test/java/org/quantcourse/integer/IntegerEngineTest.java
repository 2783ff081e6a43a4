package org.quantcourse.integer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class IntegerEngineTest {
    private static final int IMAGES = 300;
    /** gemmlowp's double rounding changes one code in about 2^-(shift+1); shifts here are 8..10. */
    private static final double MAX_DOUBLE_ROUNDING_FRACTION = 0.005;
    /** Predictions of the 8-bit model against the FP32 network (random weights, so few close calls). */
    private static final double MIN_FP32_ARGMAX_AGREEMENT = 0.95;
    /** Logits of the simulation against DL4J's, in logit steps: layout errors would give tens of steps. */
    private static final double MAX_LOGIT_ERROR_STEPS = 8;

    private static MultiLayerNetwork net;
    private static QuantizedModel model;
    private static INDArray images;
    private static int[] inputCodes;

    @BeforeAll
    static void quantizeTheSmallCnn() {
        net = SmallCnn.network(3);
        model = StaticQuantizer.quantize(net, SmallCnn.images(1, 400));
        images = SmallCnn.images(2, IMAGES);
        inputCodes = model.quantizeImages(images);
    }

    @Test
    void singleRoundingEngineEqualsTheSimulationCodeForCodeInEveryLayer() {
        IntegerEngine engine = IntegerEngine.of(model).requantization(Requantization.SINGLE_ROUNDING);
        assertArrayEquals(FakeQuantSimulation.of(model).forwardCodes(inputCodes, IMAGES),
                engine.forwardCodes(inputCodes, IMAGES));
    }

    @Test
    void gemmlowpEngineDiffersFromTheSimulationByAtMostOneLsbInFewCodesOfEachLayerGivenTheSameInput() {
        IntegerEngine engine = IntegerEngine.of(model);
        FakeQuantSimulation simulation = FakeQuantSimulation.of(model);
        int[] codes = inputCodes;
        for (int layer = 0; layer < model.layers().size(); layer++) {
            CodeComparison c = CodeComparison.of(engine.layerCodes(layer, codes, IMAGES),
                    simulation.layerCodes(layer, codes, IMAGES));
            assertTrue(c.maxDifference() <= 1, "layer " + layer + ": " + c);
            assertTrue(c.differing() <= MAX_DOUBLE_ROUNDING_FRACTION, "layer " + layer + ": " + c);
            codes = simulation.layerCodes(layer, codes, IMAGES);
        }
    }

    @Test
    void poolingAndFlatteningAreExactInBothEngines() {
        FakeQuantSimulation simulation = FakeQuantSimulation.of(model);
        int[] codes = inputCodes;
        for (int layer = 0; layer < 2; layer++) {
            codes = simulation.layerCodes(layer, codes, IMAGES);
        }
        IntegerEngine engine = IntegerEngine.of(model);
        for (int layer = 2; layer < 4; layer++) {
            int[] next = simulation.layerCodes(layer, codes, IMAGES);
            assertArrayEquals(next, engine.layerCodes(layer, codes, IMAGES), model.layers().get(layer).name());
            codes = next;
        }
    }

    @Test
    void gemmlowpEnginePredictsLikeTheSimulation() {
        int[] engine = IntegerEngine.of(model).predict(images);
        int[] simulation = FakeQuantSimulation.of(model).predict(images);
        assertTrue(Predictions.agreement(engine, simulation) >= 0.99);
    }

    @Test
    void theQuantizedModelPredictsLikeTheFp32Network() {
        int[] fp32 = Predictions.argmax(net.output(images).data().asFloat(), model.classes());
        double agreement = Predictions.agreement(fp32, IntegerEngine.of(model).predict(images));
        assertTrue(agreement >= MIN_FP32_ARGMAX_AGREEMENT, "agreement " + agreement);
    }

    @Test
    void theSimulatedLogitsFollowDl4jsLogitsSoLayoutsAndFlatteningOrderMatch() {
        INDArray fp32 = ActivationRanges.activations(net, images).get(net.getnLayers());
        float[] expected = fp32.data().asFloat();
        int[] codes = FakeQuantSimulation.of(model).forwardCodes(inputCodes, IMAGES);
        ActivationQuant logits = model.logits();
        double worst = 0;
        for (int i = 0; i < codes.length; i++) {
            worst = Math.max(worst, Math.abs(logits.dequantize(codes[i]) - expected[i]) / logits.scale());
        }
        assertTrue(worst <= MAX_LOGIT_ERROR_STEPS, "worst logit error " + worst + " steps");
    }

    @ParameterizedTest
    @EnumSource(Requantization.class)
    void twoThreadsGiveTheSameCodesAsOne(Requantization rule) {
        IntegerEngine one = IntegerEngine.of(model).requantization(rule);
        assertArrayEquals(one.forwardCodes(inputCodes, IMAGES), one.threads(2).forwardCodes(inputCodes, IMAGES));
    }

    @Test
    void reluOutputsNeverGoBelowTheZeroPoint() {
        int[] conv1 = IntegerEngine.of(model).layerCodes(0, inputCodes, IMAGES);
        int z = model.layers().get(0).output().zeroPoint();
        for (int q : conv1) {
            assertTrue(q >= z);
        }
    }

    @Test
    void codesThatDoNotFillTheBatchAreRejected() {
        IntegerEngine engine = IntegerEngine.of(model);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engine.forwardCodes(new int[10], 1));
        assertTrue(e.getMessage().contains("need batch"));
        assertThrows(IllegalArgumentException.class, () -> engine.threads(0));
    }

    @ParameterizedTest
    @EnumSource(Requantization.class)
    void accumulatorsRequantizedAndClampedAreTheLayersCodes(Requantization rule) {
        IntegerEngine engine = IntegerEngine.of(model).requantization(rule);
        int[] codes = inputCodes;
        for (int layer = 0; layer < model.layers().size(); layer++) {
            QuantizedLayer l = model.layers().get(layer);
            int[] out = engine.layerCodes(layer, codes, IMAGES);
            if (l instanceof QuantizedConv || l instanceof QuantizedDense) {
                var m = l instanceof QuantizedConv c ? c.multipliers() : ((QuantizedDense) l).multipliers();
                boolean relu = l instanceof QuantizedConv c ? c.relu() : ((QuantizedDense) l).relu();
                int[] acc = engine.accumulators(layer, codes, IMAGES);
                int low = relu ? l.output().zeroPoint() : ActivationQuant.QMIN;
                for (int i = 0; i < acc.length; i++) {
                    long q = l.output().zeroPoint() + (long) rule.apply(acc[i], m[i % m.length]);
                    assertEquals(ActivationQuant.clamp(q, low), out[i], l.name() + " output " + i);
                }
            }
            codes = out;
        }
    }

    @Test
    void denseAccumulatorsAreTheBiasPlusTheSumOfZeroPointFreeProducts() {
        IntegerEngine engine = IntegerEngine.of(model);
        int fc = model.layers().size() - 1;
        QuantizedDense dense = (QuantizedDense) model.layers().get(fc);
        int[] in = FakeQuantSimulation.of(model).layerCodes(fc - 1, hiddenCodes(fc - 1), IMAGES);
        int[] acc = engine.accumulators(fc, in, IMAGES);
        int k = dense.inputLength();
        int zx = dense.input().zeroPoint();
        for (int n = 0; n < IMAGES; n++) {
            for (int o = 0; o < dense.outputLength(); o++) {
                long expected = dense.bias()[o];
                for (int j = 0; j < k; j++) {
                    expected += (long) (in[n * k + j] - zx) * dense.weights().code(o, j);
                }
                assertEquals(expected, acc[n * dense.outputLength() + o]);
            }
        }
    }

    @Test
    void layersWithoutAccumulatorsAndMissingLayersAreRejected() {
        IntegerEngine engine = IntegerEngine.of(model);
        IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
                () -> engine.accumulators(2, new int[model.layers().get(2).inputLength()], 1));
        assertTrue(pool.getMessage().contains("convolution or dense"), pool.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> engine.layerCodes(model.layers().size(), new int[1], 1));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    /** The simulation's input codes of {@code layer} (the outputs of all layers before it). */
    private static int[] hiddenCodes(int layer) {
        FakeQuantSimulation simulation = FakeQuantSimulation.of(model);
        int[] codes = inputCodes;
        for (int l = 0; l < layer; l++) {
            codes = simulation.layerCodes(l, codes, IMAGES);
        }
        return codes;
    }
}
