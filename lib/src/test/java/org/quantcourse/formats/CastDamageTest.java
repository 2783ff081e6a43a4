package org.quantcourse.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.dataset.DataSet;
import tech.tablesaw.api.Table;

class CastDamageTest {
    private static final long SEED = 7;

    @Test
    void countsUnderflowToZeroAndOverflowToInfinity() {
        float[] values = {1e-9f, 1e-3f, 70000f, -1e6f, 0f, 1f};
        CastDamage d = CastDamage.of(values, FloatFormat.FP16, 1);
        assertEquals(1, d.flushedToZero(), "1e-9 is below FP16's smallest subnormal 2^-24");
        assertEquals(2, d.overflowed(), "70000 and -1e6 are beyond 65504");
        assertEquals(Double.NEGATIVE_INFINITY, d.sqnrDb());
        assertEquals(1.0 / 6, d.flushedFraction(), 1e-12);
        assertEquals(2.0 / 6, d.overflowFraction(), 1e-12);
    }

    @Test
    void bf16HasTheRangeOfFp32SoNothingUnderflowsOrOverflows() {
        float[] values = {1e-9f, 1e-3f, 70000f, -1e6f, 0f, 1f};
        CastDamage d = CastDamage.of(values, FloatFormat.BF16, 1);
        assertEquals(0, d.flushedToZero());
        assertEquals(0, d.overflowed());
        assertTrue(d.sqnrDb() > 45, "BF16 keeps 8 significant bits: " + d.sqnrDb());
    }

    @Test
    void aScaleMovesSmallValuesOutOfTheUnderflowAndIsDividedOutAgain() {
        float[] values = {1e-9f, 2e-8f, 2e-7f};
        assertEquals(2, CastDamage.of(values, FloatFormat.FP16, 1).flushedToZero());
        CastDamage scaled = CastDamage.of(values, FloatFormat.FP16, 65536);
        assertEquals(0, scaled.flushedToZero());
        assertTrue(scaled.sqnrDb() > 50, "scaled into FP16's normal range: " + scaled.sqnrDb());
    }

    @Test
    void saturatingFormatsCountClippedValuesAsOverflowed() {
        CastDamage d = CastDamage.of(new float[] {500f, 400f}, FloatFormat.FP8_E4M3, 1);
        assertEquals(1, d.overflowed(), "500 is saturated to 448, 400 is a normal E4M3 value");
        assertTrue(Double.isFinite(d.sqnrDb()));
    }

    static Stream<FloatFormat> formats() {
        return Stream.of(FloatFormat.FP16, FloatFormat.BF16, FloatFormat.FP8_E4M3, FloatFormat.FP8_E5M2);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void largestSafeScaleIsThePowerOfTwoJustBeforeOverflow(FloatFormat f) {
        float[] values = {0.01f, -0.37f, 0.002f};
        double s = CastDamage.largestSafeScale(values, f);
        assertEquals(0, CastDamage.of(values, f, s).overflowed(), f.name() + " at " + s);
        assertTrue(CastDamage.of(values, f, 2 * s).overflowed() > 0, f.name() + " at twice " + s);
        assertEquals(s, Math.scalb(1.0, Math.getExponent(s)), 0, "a power of two");
    }

    @Test
    void tableHasOneRowPerCast() {
        float[] values = {1e-9f, 70000f, 1f};
        Table t = CastDamage.table(List.of(CastDamage.of(values, FloatFormat.FP16, 1),
                CastDamage.of(values, FloatFormat.BF16, 2)));
        assertEquals(List.of("format", "scale", "flushed to 0", "overflowed", "SQNR dB"), t.columnNames());
        assertEquals(List.of("FP16", "BF16"), t.stringColumn("format").asList());
        assertEquals(List.of(1, 0), t.intColumn("overflowed").asList());
        assertEquals(2.0, t.doubleColumn("scale").get(1), 0);
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CastDamage.of(new float[] {1f}, FloatFormat.FP16, 0));
        assertTrue(e.getMessage().contains("positive finite scale"));
        assertThrows(IllegalArgumentException.class, () -> CastDamage.of(new float[0], FloatFormat.FP16, 1));
        assertThrows(IllegalArgumentException.class, () -> CastDamage.largestSafeScale(new float[] {0f}, FloatFormat.FP16));
    }

    @Test
    void gradientsAreTheNetworksOwnAndLeaveItUntouched() {
        MultiLayerNetwork net = TinyCnn.network(SEED);
        DataSet batch = TinyCnn.selfLabelled(net, TinyCnn.images(16, TinyCnn.SIDE, SEED), 16).next();
        float[] before = net.params().dup().toFloatVector();
        float[] g = Gradients.of(net, batch);
        assertEquals(net.numParams(), g.length);
        assertArrayEquals(before, net.params().toFloatVector(), "parameters unchanged");
        assertTrue(maxAbs(g) > 0, "a non-zero gradient");
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        assertArrayEquals(net.gradient().gradient().dup().reshape(net.numParams()).toFloatVector(), g);
        assertThrows(IllegalArgumentException.class, () -> Gradients.of(net, new DataSet()));
    }

    private static double maxAbs(float[] v) {
        double max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
