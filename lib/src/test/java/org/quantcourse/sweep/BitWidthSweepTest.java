package org.quantcourse.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.quantcourse.data.DatasetSplit;
import org.quantcourse.data.Layout;
import org.quantcourse.data.MnistSample;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class BitWidthSweepTest {

    private static final long SEED = 7;
    private static final double EIGHT_BIT_TOLERANCE = 0.01;
    private static MultiLayerNetwork net;
    private static DataSetIterator test;

    @BeforeAll
    static void trainASmallDenseNetwork() {
        DatasetSplit data = MnistSample.load().limit(3000, 500);
        net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(SEED).dataType(DataType.FLOAT)
                .updater(new Adam(0.003)).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(32).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        net.fit(data.train().iterator(64, SEED, Layout.FLAT), 3);
        test = data.test().iterator(250, SEED, Layout.FLAT);
    }

    @Test
    void sweepHasOneRowPerMethodAndBitWidth() {
        SweepResult result = BitWidthSweep.of(net).uniformMethods().method(SweepMethod.ternary(true))
                .method(SweepMethod.articleAsWritten()).bits(1, 8).run(test);
        assertEquals(4 * 8 + 1 + 8, result.table().rowCount());
        assertTrue(result.fp32Accuracy() > 0.8, "the test network learned: " + result.fp32Accuracy());
        assertEquals(result.fp32Accuracy(), result.accuracy("symmetric per-channel", 8), EIGHT_BIT_TOLERANCE);
        assertTrue(result.accuracy("article's quantize()", 8) < 0.3, "the article's method collapses");
        assertTrue(result.method("asymmetric per-tensor").longColumn("stored bytes").get(7)
                < net.numParams() * Float.BYTES / 3, "8-bit storage is about 4x smaller than FP32");
    }

    @Test
    void smallestBitsWithinRequiresEveryWiderWidthToStayClose() {
        Table table = Table.create("t", StringColumn.create("method", "m", "m", "m", "m"), IntColumn.create("bits", 1, 2, 3, 4),
                DoubleColumn.create("accuracy", 0.95, 0.5, 0.975, 0.98));
        SweepResult result = new SweepResult(table, 0.98);
        assertEquals(OptionalInt.of(3), result.smallestBitsWithin("m", 0.01));
        assertEquals(OptionalInt.of(4), result.smallestBitsWithin("m", 0.0));
        assertEquals(OptionalInt.empty(), new SweepResult(table, 1.5).smallestBitsWithin("m", 0.01));
    }

    @Test
    void unknownMethodsAndEmptySweepsAreRejected() {
        SweepResult result = new SweepResult(Table.create("t", StringColumn.create("method", "m"), IntColumn.create("bits", 1),
                DoubleColumn.create("accuracy", 0.5)), 0.9);
        assertThrows(IllegalArgumentException.class, () -> result.accuracy("nope", 1));
        assertThrows(IllegalArgumentException.class, () -> result.accuracy("m", 2));
        assertThrows(IllegalArgumentException.class, () -> BitWidthSweep.of(net).run(test));
        assertThrows(IllegalArgumentException.class, () -> BitWidthSweep.of(net).bits(0, 8));
        assertThrows(IllegalArgumentException.class, () -> BitWidthSweep.of(null));
    }
}
