package org.quantcourse.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.eval.Predictor;
import org.quantcourse.quant.BitPacker;
import org.quantcourse.quant.QuantError;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;
import org.quantcourse.quant.Scheme;
import tech.tablesaw.api.Table;

class ModelQuantizerTest {
    private static final long SEED = 42L;
    /** Largest softmax difference allowed between the FP32 and the 8-bit network. */
    private static final double EIGHT_BIT_OUTPUT_TOLERANCE = 0.02;
    /** Float noise allowed between two evaluation paths of the same network. */
    private static final double SAME_NETWORK_TOLERANCE = 1e-5;

    @Test
    void leavesTheOriginalNetworkUntouched() {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        INDArray before = net.params().dup();
        ModelQuantizer.quantize(net, QuantSpec.symmetric(2).perChannel());
        assertEquals(before, net.params());
    }

    @Test
    void quantizesConvDenseAndOutputWeightsAndKeepsTheRestFp32() {
        CompressedModel m = ModelQuantizer.quantize(TestNetworks.small(SEED), QuantSpec.asymmetric(4));
        for (int i : new int[] {0, 3, 4}) {
            assertInstanceOf(LayerParam.Quantized.class, m.layer(i).params().get("W"), "layer " + i);
            assertInstanceOf(LayerParam.Float32.class, m.layer(i).params().get("b"), "layer " + i);
        }
        assertEquals(List.of("gamma", "beta", "mean", "log10stdev"), List.copyOf(m.layer(1).params().keySet()));
        m.layer(1).params().values().forEach(p -> assertInstanceOf(LayerParam.Float32.class, p));
        assertTrue(m.layer(2).params().isEmpty(), "pooling has no parameters");
    }

    @Test
    void perChannelUsesEachLayersOutputAxis() {
        CompressedModel m = ModelQuantizer.quantize(TestNetworks.small(SEED), QuantSpec.symmetric(8).perChannel());
        QuantParams conv = m.layer(0).quantizedWeight().orElseThrow().tensor().params();
        QuantParams dense = m.layer(3).quantizedWeight().orElseThrow().tensor().params();
        assertEquals(4, conv.groups(), "conv [4,1,3,3]: one scale per output channel on axis 0");
        assertEquals(12, dense.groups(), "dense [36,12]: one scale per output on axis 1");
        assertEquals(10, m.layer(4).quantizedWeight().orElseThrow().tensor().params().groups());
    }

    @Test
    void perGroupRunsAlongEachLayersInput() {
        CompressedModel m = ModelQuantizer.quantize(TestNetworks.small(SEED), QuantSpec.symmetric(4).perGroup(3));
        assertEquals(4 * 3, m.layer(0).quantizedWeight().orElseThrow().tensor().params().groups(), "9 inputs / 3");
        assertEquals(12 * 12, m.layer(3).quantizedWeight().orElseThrow().tensor().params().groups(), "36 / 3");
        assertEquals(10 * 4, m.layer(4).quantizedWeight().orElseThrow().tensor().params().groups(), "12 / 3");
    }

    @Test
    void weightOnlyNetworkHoldsTheDequantizedWeightsAndOriginalBiases() {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        QuantSpec spec = QuantSpec.symmetric(3).perChannel();
        MultiLayerNetwork q = ModelQuantizer.quantize(net, spec).weightOnlyNetwork();
        for (int i : new int[] {0, 3, 4}) {
            WeightLayout layout = i == 0 ? WeightLayout.CONV : WeightLayout.DENSE;
            INDArray expected = spec.quantizerFor(layout).fakeQuantize(net.getLayer(i).getParam("W"));
            assertEquals(expected, q.getLayer(i).getParam("W"), "layer " + i);
            assertEquals(net.getLayer(i).getParam("b"), q.getLayer(i).getParam("b"));
        }
        assertEquals(net.getLayer(1).getParam("gamma"), q.getLayer(1).getParam("gamma"));
    }

    @Test
    void eightBitNetworkGivesNearlyTheSameOutputs() {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        INDArray x = TestNetworks.inputs(SEED, 32);
        INDArray q = ModelQuantizer.quantize(net, QuantSpec.symmetric(8).perChannel()).weightOnlyNetwork().output(x);
        double diff = q.sub(net.output(x)).amaxNumber().doubleValue();
        assertTrue(diff < EIGHT_BIT_OUTPUT_TOLERANCE, "max softmax difference " + diff);
    }

    @Test
    void layerByLayerOutputEqualsTheNetworkOutputWhenActivationsStayFp32() {
        CompressedModel m = ModelQuantizer.quantize(TestNetworks.small(SEED), QuantSpec.asymmetric(4).perChannel());
        INDArray x = TestNetworks.inputs(SEED + 1, 16);
        assertTrue(m.output(x).equalsWithEps(m.weightOnlyNetwork().output(x), SAME_NETWORK_TOLERANCE));
    }

    @Test
    void perLayerOverrideAndFp32Layers() {
        QuantSpec spec = QuantSpec.symmetric(8).withLayer(0, QuantSpec.ternary()).keepFloat(4);
        CompressedModel m = ModelQuantizer.quantize(TestNetworks.small(SEED), spec);
        assertEquals(Scheme.TERNARY, m.layer(0).quantizedWeight().orElseThrow().tensor().params().scheme());
        assertEquals(Scheme.SYMMETRIC, m.layer(3).quantizedWeight().orElseThrow().tensor().params().scheme());
        assertInstanceOf(LayerParam.Float32.class, m.layer(4).params().get("W"));
    }

    @Test
    void activationQuantizationStoresInputParamsAndInt32Biases() {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        List<INDArray> calibration = List.of(TestNetworks.inputs(1, 16), TestNetworks.inputs(2, 16));
        CompressedModel m = ModelQuantizer.quantize(net, QuantSpec.symmetric(8).perChannel().withActivations(8),
                calibration);
        assertTrue(m.quantizesActivations());
        for (int i : new int[] {0, 3, 4}) {
            QuantParams in = m.layer(i).inputQuantization().orElseThrow();
            QuantParams w = m.layer(i).quantizedWeight().orElseThrow().tensor().params();
            LayerParam.Int32 b = assertInstanceOf(LayerParam.Int32.class, m.layer(i).params().get("b"));
            float[] original = net.getLayer(i).getParam("b").dup().reshape(-1).toFloatVector();
            float[] restored = b.toArray().reshape(-1).toFloatVector();
            for (int c = 0; c < original.length; c++) {
                assertEquals(w.scale(c) * in.scale(), b.scales()[c], "s_w * s_x");
                assertTrue(Math.abs(original[c] - restored[c]) <= b.scales()[c] / 2 + 1e-9, "bias within half a step");
            }
        }
        assertTrue(m.layer(1).inputQuantization().isEmpty(), "BatchNorm input stays FP32");
        INDArray x = TestNetworks.inputs(3, 16);
        double diff = m.output(x).sub(net.output(x)).amaxNumber().doubleValue();
        assertTrue(diff < EIGHT_BIT_OUTPUT_TOLERANCE && diff > 0, "W8A8 differs slightly from FP32: " + diff);
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {1, 2, 4, 8})
    void sizeReportCountsPackedCodesAndParams(int bits) {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        CompressedModel m = ModelQuantizer.quantize(net, QuantSpec.asymmetric(bits));
        SizeReport r = m.sizeReport();
        assertEquals(4L * net.numParams(), r.fp32Bytes());
        long expected = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            for (var p : net.getLayer(i).paramTable().entrySet()) {
                boolean quantized = p.getKey().equals("W") && i != 1;
                expected += quantized ? BitPacker.packedLength(p.getValue().length(), bits) + 8 : 4 * p.getValue().length();
            }
        }
        assertEquals(expected, r.storedBytes());
        assertEquals(4, r.rows().size(), "conv, batchnorm, dense, output");
        assertEquals(5, r.toTable().rowCount(), "rows plus total");
        assertTrue(r.compressionRatio() > 1);
    }

    @Test
    void groupSizeThatDoesNotDivideALayerIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelQuantizer.quantize(TestNetworks.small(SEED), QuantSpec.symmetric(4).perGroup(4)));
        assertTrue(e.getMessage().contains("group size 4") && e.getMessage().contains("9 values"), e.getMessage());
    }

    @Test
    void activationSpecWithoutCalibrationIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelQuantizer.quantize(TestNetworks.small(SEED), QuantSpec.symmetric(8).withActivations(8)));
        assertTrue(e.getMessage().contains("calibration"));
        assertThrows(IllegalArgumentException.class, () -> ModelQuantizer.quantize(TestNetworks.small(SEED),
                QuantSpec.symmetric(8), List.of(TestNetworks.inputs(1, 2))));
    }

    @Test
    void uninitializedNetworkIsRejected() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.small(SEED).getLayerWiseConfigurations());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelQuantizer.quantize(net, QuantSpec.symmetric(8)));
        assertTrue(e.getMessage().contains("init()"));
    }

    @Test
    void quantizesTheWeightsOfAComputationGraph() {
        ComputationGraph graph = TestNetworks.graph(SEED);
        INDArray before = graph.params().dup();
        QuantSpec spec = QuantSpec.symmetric(4).perChannel().keepFloat(3);
        CompressedModel m = ModelQuantizer.quantize(graph, spec);
        assertEquals(before, graph.params(), "original untouched");
        assertEquals(CompressedModel.Kind.COMPUTATION_GRAPH, m.kind());
        ComputationGraph q = m.weightOnlyGraph();
        for (int i = 0; i < 4; i++) {
            CompressedLayer l = m.layer(i);
            INDArray w = graph.getLayer(l.name()).getParam("W");
            INDArray expected = i == 3 ? w : spec.quantizerFor(WeightLayout.DENSE).fakeQuantize(w);
            assertEquals(expected, q.getLayer(l.name()).getParam("W"), l.name());
        }
        INDArray x = TestNetworks.inputs(SEED, 4).reshape(4, 64);
        assertEquals(q.outputSingle(x), m.output(x));
        assertThrows(IllegalArgumentException.class, m::weightOnlyNetwork);
        assertThrows(IllegalArgumentException.class,
                () -> ModelQuantizer.quantize(graph, QuantSpec.symmetric(8).withActivations(8)));
    }

    @Test
    void badSpecsAreRejectedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> QuantSpec.symmetric(1));
        assertThrows(IllegalArgumentException.class, () -> QuantSpec.asymmetric(8).restrictedRange());
        assertThrows(IllegalArgumentException.class, () -> QuantSpec.symmetric(8).withActivations(0));
        assertThrows(IllegalArgumentException.class, () -> QuantSpec.symmetric(8).perGroup(0));
        assertEquals(Scheme.BINARY, QuantSpec.of(Scheme.SYMMETRIC, 1).scheme());
    }

    @Test
    void quantizerForShowsTheAxisOfEachLayout() {
        QuantSpec spec = QuantSpec.symmetric(8).perChannel();
        assertEquals(Quantizer.symmetric(8).perChannel(0).granularity(), spec.quantizerFor(WeightLayout.CONV).granularity());
        assertEquals(Quantizer.symmetric(8).perChannel(1).granularity(), spec.quantizerFor(WeightLayout.DENSE).granularity());
    }

    @Test
    void aQuantizerOptionNeedsNoMirrorInTheSpecAndStillFollowsEachLayersOutputAxis() {
        QuantSpec spec = QuantSpec.of(Quantizer.asymmetric(4).stochasticRounding(5)).perChannel();
        Quantizer dense = spec.quantizerFor(WeightLayout.DENSE);
        assertEquals(Quantizer.asymmetric(4).stochasticRounding(5).perChannel(1).toString(), dense.toString());
        assertEquals(Quantizer.asymmetric(4).stochasticRounding(5).perChannel(0).granularity(),
                spec.quantizerFor(WeightLayout.CONV).granularity());
        assertEquals(spec.weights().rounding(), spec.withQuantizer(q -> q).quantizerFor(WeightLayout.CONV).rounding());
    }

    @Test
    void aQuantizerGivenWithItsOwnAxisIsUsedAsItIs() {
        Quantizer q = Quantizer.symmetric(8).perChannel(1);
        assertEquals(q.granularity(), QuantSpec.of(q).quantizerFor(WeightLayout.CONV).granularity());
    }

    @Test
    void compressedModelIsAPredictorThatKeepsActivationQuantizationWhileTheWeightOnlyNetworkDropsIt() {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        CompressedModel m = ModelQuantizer.quantize(net, QuantSpec.symmetric(8).perChannel().withActivations(2),
                List.of(TestNetworks.inputs(1, 16)));
        INDArray x = TestNetworks.inputs(3, 16);
        Predictor predictor = m;
        assertEquals(m.output(x), predictor.probabilities(x));
        double dropped = m.weightOnlyNetwork().output(x).sub(predictor.probabilities(x)).amaxNumber().doubleValue();
        assertTrue(dropped > 100 * SAME_NETWORK_TOLERANCE, "2-bit activations change the output by " + dropped);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 4, 2})
    void weightErrorsHaveOneRowPerQuantizedWeightMatchingQuantError(int bits) {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        CompressedModel m = ModelQuantizer.quantize(net, QuantSpec.symmetric(bits).perChannel());
        Table errors = m.weightErrors(net);
        assertEquals(List.of("layer", "shape", "bits", "max |error|", "MSE", "SQNR dB"), errors.columnNames());
        assertEquals(3, errors.rowCount(), "conv, dense and output weights");
        QuantError first = QuantError.of(net.getLayer(0).getParam("W"),
                m.layer(0).quantizedWeight().get().toArray());
        assertEquals(first.sqnrDb(), errors.doubleColumn("SQNR dB").get(0), 1e-12);
        assertEquals(bits, errors.doubleColumn("bits").get(2));
        assertTrue(errors.stringColumn("layer").get(0).startsWith("0 "), errors.stringColumn("layer").get(0));
    }

    @Test
    void paramKeysReadTheirValuesAndRejectUnknownParameters() {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        assertEquals(net.getLayer(3).getParam("W"), new ParamKey(3, "W").valueIn(net));
        assertThrows(IllegalArgumentException.class, () -> new ParamKey(2, "W").valueIn(net), "pooling has no W");
        assertThrows(IllegalArgumentException.class, () -> new ParamKey(9, "W").valueIn(net));
        assertThrows(IllegalArgumentException.class, () -> new ParamKey(-1, "W"));
    }
}
