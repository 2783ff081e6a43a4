package org.quantcourse.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.data.DatasetSplit;
import org.quantcourse.data.MnistSample;
import org.quantcourse.eval.Predictor;

/** A small dense network on the MNIST sample (NCHW inputs, flattened by DL4J's preprocessor). */
class MixedPrecisionSearchTest {
    private static final long SEED = 3;
    private static final int[] BITS = {2, 4, 8};
    private static final IntFunction<QuantSpec> FAMILY = b -> QuantSpec.symmetric(b).perChannel();
    static MultiLayerNetwork net;
    static EvaluationSubset test;
    private static SensitivityTable table;

    @BeforeAll
    static void trainASmallNetwork() {
        DatasetSplit data = MnistSample.load().limit(2000, 300);
        net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(SEED).dataType(DataType.FLOAT)
                .updater(new Adam(0.003)).list()
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build());
        net.init();
        net.fit(data.train().iterator(64, SEED), 2);
        test = EvaluationSubset.of(data.test(), 0);
        table = SensitivityTable.measure(net, FAMILY, BITS, test);
    }

    @Test
    void sensitivityHasOneRowPerLayerAndWidthWithTheLayersBytes() {
        assertArrayEquals(new int[] {0, 1}, table.layers());
        assertArrayEquals(BITS, table.bits());
        assertEquals(test.accuracy(Predictor.of(net)), table.fp32Accuracy());
        long expected = ModelQuantizer.quantize(net, FAMILY.apply(4).keepFloat(1)).layer(0).storedBytes();
        assertEquals(expected, table.row(0, 4).storedBytes());
        for (int layer : table.layers()) {
            assertTrue(table.row(layer, 8).outputSqnrDb() > table.row(layer, 2).outputSqnrDb(), "more bits, more SQNR");
            assertEquals(table.fp32Accuracy() - table.row(layer, 2).accuracy(), table.row(layer, 2).accuracyDrop(), 1e-12);
        }
        assertEquals(7, table.table().columnCount());
    }

    @Test
    void allocationStaysWithinTheBudgetAndItsPredictedSizeIsTheModelsSize() {
        long budget = table.fixedBytes() + table.row(0, 2).storedBytes() + table.row(1, 8).storedBytes();
        BitAllocation a = BitAllocation.optimal(table, Objective.OUTPUT_NOISE, budget);
        assertTrue(a.storedBytes() <= budget);
        assertEquals(ModelQuantizer.quantize(net, a.spec(FAMILY)).sizeReport().storedBytes(), a.storedBytes());
        assertEquals("2/8", a.describe(), "the small output layer gets the bits, the large hidden one is squeezed");
    }

    @Test
    void uniformAllocationIsEveryLayerAtOneWidth() {
        BitAllocation four = BitAllocation.uniform(table, Objective.ACCURACY_DROP, 4);
        assertEquals("4/4", four.describe());
        assertEquals(ModelQuantizer.quantize(net, FAMILY.apply(4)).sizeReport().storedBytes(), four.storedBytes());
    }

    @Test
    void searchEvaluatesUniformAndMixedPointsOnTheSameImages() {
        MixedPrecisionSearch search = MixedPrecisionSearch.of(net, FAMILY, test);
        List<SizeAccuracyPoint> uniform = search.uniform(table, 2, 8);
        List<SizeAccuracyPoint> mixed = search.mixed(table, Objective.OUTPUT_NOISE, uniform.get(1).storedBytes());
        assertEquals("8/8", mixed.get(0).bitsPerLayer(), "with the 8-bit budget nothing needs squeezing");
        assertEquals(uniform.get(1).accuracy(), mixed.get(0).accuracy());
        assertTrue(uniform.get(0).storedBytes() < uniform.get(1).storedBytes());
    }

    @Test
    void aBudgetBelowTheSmallestModelIsRejectedWithItsSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BitAllocation.optimal(table, Objective.OUTPUT_NOISE, 10));
        assertTrue(e.getMessage().contains("lightest takes"), e.getMessage());
    }
}
