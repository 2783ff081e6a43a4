package org.quantcourse.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
import org.quantcourse.quant.Scheme;
import org.quantcourse.train.NotebookProgress;
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
        assertEquals(result.fp32Accuracy(), result.accuracy(SweepMethod.SYMMETRIC_PER_CHANNEL, 8), EIGHT_BIT_TOLERANCE);
        assertTrue(result.accuracy(SweepMethod.ARTICLE, 8) < 0.3, "the article's method collapses");
        assertTrue(result.method(SweepMethod.ASYMMETRIC_PER_TENSOR).longColumn("stored bytes").get(7)
                < net.numParams() * Float.BYTES / 3, "8-bit storage is about 4x smaller than FP32");
    }

    @Test
    void sweepShowsEachModelLiveAndEndsWithASummary() {
        List<String> displayed = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        NotebookProgress progress = NotebookProgress.of(o -> {
            displayed.add((String) o);
            return "out-1";
        }, (id, o) -> updates.add((String) o));
        BitWidthSweep.of(net).method(SweepMethod.SYMMETRIC_PER_CHANNEL).method(SweepMethod.TERNARY_PER_TENSOR)
                .bits(2, 4).progress(progress).run(test);
        assertEquals(1, displayed.size());
        assertTrue(displayed.get(0).startsWith("model 1/4 · symmetric per-channel at 2 bits: accuracy "),
                displayed.get(0));
        assertTrue(updates.get(updates.size() - 1).startsWith("4 models evaluated in "), updates.toString());
    }

    @Test
    void progressLineNamesModelAccuracyAndEta() {
        SweepProgress step = new SweepProgress(10, 41, SweepMethod.ASYMMETRIC_PER_CHANNEL, 4, 0.97125, 20);
        assertEquals(62, step.etaSeconds(), 1e-9);
        assertEquals("model 10/41 · asymmetric per-channel at 4 bits: accuracy 97.13% · 0:20 · ETA 1:02", step.line());
        assertEquals("10 models evaluated in 0:20", step.summary());
    }

    @Test
    void smallestBitsWithinRequiresEveryWiderWidthToStayClose() {
        SweepResult result = SweepResult.of(rows(0.95, 0.5, 0.975, 0.98), 0.98);
        assertEquals(OptionalInt.of(3), result.smallestBitsWithin(SweepMethod.SYMMETRIC_PER_TENSOR, 0.01));
        assertEquals(OptionalInt.of(4), result.smallestBitsWithin(SweepMethod.SYMMETRIC_PER_TENSOR, 0.0));
        assertEquals(OptionalInt.empty(),
                SweepResult.of(rows(0.95, 0.5, 0.975, 0.98), 1.5).smallestBitsWithin(SweepMethod.SYMMETRIC_PER_TENSOR, 0.01));
    }

    @Test
    void smallestBitsTableHasOneRowPerMethodAndLeavesUnreachedWidthsMissing() {
        Table rows = rows(0.95, 0.5, 0.975, 0.98);
        rows.append(Table.create("u", StringColumn.create("method", "article's quantize()"), IntColumn.create("bits", new int[] {4}),
                DoubleColumn.create("accuracy", 0.1)));
        Table smallest = SweepResult.of(rows, 0.98).smallestBitsTable(List.of(SweepMethod.SYMMETRIC_PER_TENSOR,
                SweepMethod.ARTICLE), 0.01);
        assertEquals("fewest bits within 1 point of FP32", smallest.name());
        assertEquals(List.of("symmetric per-tensor", "article's quantize()"), smallest.stringColumn("method").asList());
        assertEquals(3, smallest.intColumn("bits").get(0));
        assertTrue(smallest.intColumn("bits").isMissing(1), "the article's method never comes within 1 point");
    }

    @Test
    void accuracyByBitsHasOneColumnPerMethodInPercent() {
        Table rows = rows(0.95, 0.5, 0.975, 0.98);
        rows.append(Table.create("u", StringColumn.create("method", "symmetric per-channel", "symmetric per-channel",
                "symmetric per-channel", "symmetric per-channel"), IntColumn.create("bits", 4, 3, 2, 1),
                DoubleColumn.create("accuracy", 0.99, 0.98, 0.9, 0.12345)));
        Table wide = SweepResult.of(rows, 0.99).accuracyByBits(List.of(SweepMethod.SYMMETRIC_PER_TENSOR,
                SweepMethod.SYMMETRIC_PER_CHANNEL));
        assertEquals(List.of("bits", "symmetric per-tensor", "symmetric per-channel"), wide.columnNames());
        assertEquals(List.of(1, 2, 3, 4), wide.intColumn("bits").asList());
        assertEquals(List.of(95.0, 50.0, 97.5, 98.0), wide.doubleColumn("symmetric per-tensor").asList());
        assertEquals(12.3, wide.doubleColumn("symmetric per-channel").get(0), 1e-12);
    }

    @Test
    void factoriesReturnTheConstantKeys() {
        assertSame(SweepMethod.ASYMMETRIC_PER_CHANNEL, SweepMethod.uniform(Scheme.ASYMMETRIC, true));
        assertSame(SweepMethod.SYMMETRIC_PER_TENSOR, SweepMethod.uniform(Scheme.SYMMETRIC, false));
        assertSame(SweepMethod.TERNARY_PER_CHANNEL, SweepMethod.ternary(true));
        assertSame(SweepMethod.ARTICLE, SweepMethod.articleAsWritten());
        assertThrows(IllegalArgumentException.class, () -> SweepMethod.uniform(Scheme.BINARY, false));
    }

    @Test
    void unknownMethodsAndEmptySweepsAreRejected() {
        SweepResult result = SweepResult.of(Table.create("t", StringColumn.create("method", "symmetric per-tensor"),
                IntColumn.create("bits", 1), DoubleColumn.create("accuracy", 0.5)), 0.9);
        assertThrows(IllegalArgumentException.class, () -> result.accuracy(SweepMethod.ARTICLE, 1));
        assertThrows(IllegalArgumentException.class, () -> result.accuracy(SweepMethod.SYMMETRIC_PER_TENSOR, 2));
        assertThrows(IllegalArgumentException.class, () -> SweepResult.of(Table.create("t"), 0.9));
        assertThrows(IllegalArgumentException.class,
                () -> BitWidthSweep.of(net).method(SweepMethod.ARTICLE).method(SweepMethod.ARTICLE));
        assertThrows(IllegalArgumentException.class, () -> BitWidthSweep.of(net).run(test));
        assertThrows(IllegalArgumentException.class, () -> BitWidthSweep.of(net).bits(0, 8));
        assertThrows(IllegalArgumentException.class, () -> BitWidthSweep.of(null));
    }

    private static Table rows(double... accuracies) {
        String[] names = new String[accuracies.length];
        int[] bits = new int[accuracies.length];
        for (int i = 0; i < bits.length; i++) {
            names[i] = SweepMethod.SYMMETRIC_PER_TENSOR.name();
            bits[i] = i + 1;
        }
        return Table.create("t", StringColumn.create("method", names), IntColumn.create("bits", bits),
                DoubleColumn.create("accuracy", accuracies));
    }
}
