package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quantcourse.integer.QuantizedModel;
import org.quantcourse.integer.SmallCnnFixture;
import org.quantcourse.integer.StaticQuantizer;
import org.quantcourse.onnx.OnnxExport;

class Exercises10Test implements FreshAttemptsEachTest {
    private static final long SEED = 10;

    @Test
    void fileSizeRatioIsTheMeasuredRatioToOneDecimal() {
        MultiLayerNetwork net = SmallCnnFixture.network(3);
        QuantizedModel model = StaticQuantizer.quantize(net, SmallCnnFixture.images(1, 200));
        double ratio = (double) OnnxExport.fp32(net, 1, SmallCnnFixture.SIDE, SmallCnnFixture.SIDE).getSerializedSize()
                / OnnxExport.qdq(model).getSerializedSize();
        assertTrue(Exercises10.fileSizeRatio(net, model, Math.round(ratio * 10) / 10.0).passed(), "ratio " + ratio);
        assertTrue(ratio < 3.8, "the small fixture's channels and graph weigh more than the course CNN's: " + ratio);
        assertFalse(Judging.passesFirstTime(() -> Exercises10.fileSizeRatio(net, model, 4.0)),
                "exactly 4 ignores scales, biases, graph");
        assertFalse(Judging.passesFirstTime(() -> Exercises10.fileSizeRatio(net, model, 8.0)), "int8 is not 4 bits");
    }

    @Test
    void theFileSizesDoNotDependOnHowManyImagesCalibrated() {
        MultiLayerNetwork net = SmallCnnFixture.network(3);
        long few = OnnxExport.qdq(StaticQuantizer.quantize(net, SmallCnnFixture.images(1, 20))).getSerializedSize();
        long many = OnnxExport.qdq(StaticQuantizer.quantize(net, SmallCnnFixture.images(2, 200))).getSerializedSize();
        assertEquals(many, few, "every tensor is stored as raw bytes, whatever its value");
    }

    @Test
    void int16OverflowIsTheWorstPairSumMinusTheInt16Maximum() {
        assertTrue(Exercises10.int16Overflow(2 * 255 * 127 - 32767).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises10.int16Overflow(2 * 255 * 127)), "that is the sum itself");
        assertFalse(Judging.passesFirstTime(() -> Exercises10.int16Overflow(2 * 255 * 128 - 32767)),
                "symmetric int8 stops at 127");
    }

    @Test
    void theReferenceRoundsTiesToEvenAndSaturatesToInt8() {
        float[] got = Exercises10.int8RoundTrip(new Exercises10.QuantizeCase(
                new float[] {0.5f, 1.5f, 2.5f, -2.5f, 1000f, -1000f}, 1f, 0));
        assertArrayEquals(new float[] {0, 2, 2, -2, 127, -128}, got);
        float[] shifted = Exercises10.int8RoundTrip(new Exercises10.QuantizeCase(new float[] {100f, -100f}, 1f, 100));
        assertArrayEquals(new float[] {27, -100}, shifted, "codes 127 and 0: (127 - 100) and (0 - 100)");
    }

    @Test
    void theCodingExerciseAcceptsOnnxsRule() {
        CheckResult result = Exercises10.quantizeLinearInt8(SEED).check(c -> roundTrip(c, Math::rint, -128, 127));
        assertTrue(result.passed(), result.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"round half up", "uint8 range", "no saturation", "codes, not values"})
    void theCodingExerciseRejectsTheUsualMistakes(String mistake) {
        Function<Exercises10.QuantizeCase, float[]> wrong = switch (mistake) {
            case "round half up" -> c -> roundTrip(c, v -> Math.floor(v + 0.5), -128, 127);
            case "uint8 range" -> c -> roundTrip(c, Math::rint, 0, 255);
            case "no saturation" -> c -> roundTrip(c, Math::rint, Integer.MIN_VALUE, Integer.MAX_VALUE);
            default -> c -> {
                float[] out = roundTrip(c, Math::rint, -128, 127);
                for (int i = 0; i < out.length; i++) {
                    out[i] = out[i] / c.scale() + c.zeroPoint();
                }
                return out;
            };
        };
        assertFalse(Judging.passesFirstTime(() -> Exercises10.quantizeLinearInt8(SEED).check(wrong)), mistake);
    }

    @Test
    void theChoiceQuestionWantsTheInstructionCountAnswer() {
        assertTrue(Exercises10.int8Speedup().check('b').passed());
        for (char wrong : new char[] {'A', 'C', 'D'}) {
            assertFalse(Judging.passesFirstTime(() -> Exercises10.int8Speedup().check(wrong)), "choice " + wrong);
        }
    }

    private static float[] roundTrip(Exercises10.QuantizeCase c, DoubleUnaryOperator round,
            int low, int high) {
        float[] x = c.values();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double q = Math.max(low, Math.min(high, round.applyAsDouble(x[i] / c.scale()) + c.zeroPoint()));
            out[i] = (float) ((q - c.zeroPoint()) * c.scale());
        }
        return out;
    }
}
