package org.quantcourse.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import tech.tablesaw.api.Table;

class WeightCastTest {
    private static final long SEED = 42;
    /** SQNR floors (dB): about 6 dB per mantissa bit plus the spread of weights inside a binade. */
    private static final double FP16_MIN_SQNR = 60;
    private static final double BF16_MIN_SQNR = 40;
    private static final double FP8_SCALED_MIN_SQNR = 20;
    private static MultiLayerNetwork net;
    private static DataSetIterator test;

    @BeforeAll
    static void network() {
        net = TinyCnn.network(SEED);
        test = TinyCnn.selfLabelled(net, TinyCnn.images(300, TinyCnn.SIDE, SEED), 100);
    }

    @Test
    void everyWeightIsTheNearestValueOfTheFormatAndBiasesStayFp32() {
        MultiLayerNetwork cast = WeightCast.to(FloatFormat.BF16).apply(net).network();
        for (NetworkWeights.Weight w : NetworkWeights.of(net)) {
            float[] original = w.values().dup('c').reshape(w.values().length()).toFloatVector();
            INDArray castW = cast.getLayer(w.layer()).getParam("W");
            assertArrayEquals(FloatFormat.BF16.round(original), castW.dup('c').reshape(castW.length()).toFloatVector());
            assertEquals(net.getLayer(w.layer()).getParam("b"), cast.getLayer(w.layer()).getParam("b"));
        }
    }

    @Test
    void theOriginalNetworkIsLeftUntouched() {
        INDArray before = net.params().dup();
        WeightCast.to(FloatFormat.FP8_E4M3).apply(net);
        assertEquals(before, net.params());
    }

    @Test
    void fp32CastIsExactAndKeepsEveryPrediction() {
        WeightCast.CastNetwork c = WeightCast.to(FloatFormat.FP32).apply(net);
        assertEquals(Double.POSITIVE_INFINITY, c.error().sqnrDb());
        assertEquals(net.output(TinyCnn.images(20, TinyCnn.SIDE, 3)), c.network().output(TinyCnn.images(20, TinyCnn.SIDE, 3)));
    }

    static Stream<Arguments> floors() {
        return Stream.of(Arguments.of(WeightCast.to(FloatFormat.FP16), FP16_MIN_SQNR),
                Arguments.of(WeightCast.to(FloatFormat.BF16), BF16_MIN_SQNR),
                Arguments.of(WeightCast.scaledTo(FloatFormat.FP8_E4M3), FP8_SCALED_MIN_SQNR),
                Arguments.of(WeightCast.to(IntegerFormat.INT8), 35.0));
    }

    @ParameterizedTest
    @MethodSource("floors")
    void sqnrReflectsTheFormatsPrecision(WeightCast cast, double floor) {
        double sqnr = cast.apply(net).error().sqnrDb();
        assertTrue(sqnr > floor && Double.isFinite(sqnr), cast.name() + ": " + sqnr + " dB");
    }

    @Test
    void scalingRescuesFp8WhenWeightsAreSmallerThanItsNormalRange() {
        // the same weights divided by 256 (exact): most of them fall below E4M3's smallest normal 2^-6
        MultiLayerNetwork small = NetworkWeights.withWeights(net, w -> w.values().div(256));
        double direct = WeightCast.to(FloatFormat.FP8_E4M3).apply(small).error().sqnrDb();
        double scaled = WeightCast.scaledTo(FloatFormat.FP8_E4M3).apply(small).error().sqnrDb();
        double scaledOriginal = WeightCast.scaledTo(FloatFormat.FP8_E4M3).apply(net).error().sqnrDb();
        assertTrue(scaled > direct + 10, "scaled " + scaled + " dB vs direct " + direct + " dB");
        assertEquals(scaledOriginal, scaled, 1e-6, "a scaled cast does not care about a power-of-two factor");
        double e5m2 = WeightCast.scaledTo(FloatFormat.FP8_E5M2).apply(net).error().sqnrDb();
        assertTrue(scaledOriginal > e5m2 + 3, "E4M3 has one more mantissa bit than E5M2: " + scaledOriginal + " vs "
                + e5m2);
    }

    @Test
    void int8CodesUseOneScalePerOutputChannel() {
        MultiLayerNetwork cast = WeightCast.to(IntegerFormat.INT8).apply(net).network();
        NetworkWeights.Weight conv = NetworkWeights.of(net).get(0);
        INDArray castW = cast.getLayer(0).getParam("W");
        for (int c = 0; c < conv.values().size(0); c++) {
            // the largest |w| of each channel is exactly representable: it sets that channel's scale
            assertEquals(conv.values().slice(c).amaxNumber().floatValue(), castW.slice(c).amaxNumber().floatValue(), 1e-7);
        }
    }

    @Test
    void comparisonTableHasOneRowPerFormatWithTheCsvColumns() {
        Table t = FormatComparison.run(net, FormatComparison.courseFormats(), test);
        assertEquals(List.of("format", "bits", "sqnr_db", "accuracy"), t.columnNames());
        assertEquals(FormatComparison.courseFormats().size(), t.rowCount());
        assertEquals(1.0, t.doubleColumn("accuracy").get(0), 0, "FP32 on its own labels");
        assertTrue(t.doubleColumn("accuracy").get(1) > 0.99, "FP16");
        assertEquals(List.of(32, 16, 16, 8, 8, 8, 8, 8, 4), t.intColumn("bits").asList());
    }
}
