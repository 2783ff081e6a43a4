package org.quantcourse.formats;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quantcourse.formats.FloatFormat.Overflow;

class FloatFormatTest {

    static Stream<FloatFormat> smallFormats() {
        return Stream.of(FloatFormat.FP16, FloatFormat.BF16, FloatFormat.FP8_E4M3, FloatFormat.FP8_E5M2);
    }

    static Stream<Arguments> publishedRanges() {
        return Stream.of(
                Arguments.of(FloatFormat.FP32, Float.MAX_VALUE, Float.MIN_NORMAL, Float.MIN_VALUE),
                Arguments.of(FloatFormat.FP16, 65504.0, 0x1p-14, 0x1p-24),
                Arguments.of(FloatFormat.BF16, 0x1.fep127, 0x1p-126, 0x1p-133),
                Arguments.of(FloatFormat.FP8_E4M3, 448.0, 0x1p-6, 0x1p-9),
                Arguments.of(FloatFormat.FP8_E5M2, 57344.0, 0x1p-14, 0x1p-16));
    }

    @ParameterizedTest
    @MethodSource("publishedRanges")
    void rangesAreThePublishedOnes(FloatFormat f, double max, double minNormal, double minSubnormal) {
        assertAll(() -> assertEquals(max, f.maxFinite(), 0, "max"),
                () -> assertEquals(minNormal, f.minNormal(), 0, "min normal"),
                () -> assertEquals(minSubnormal, f.minSubnormal(), 0, "min subnormal"));
    }

    @ParameterizedTest
    @MethodSource("smallFormats")
    void everyBitPatternRoundTrips(FloatFormat f) {
        for (int c = 0; c < 1 << f.bits(); c++) {
            int code = c;
            float v = f.decode(code);
            if (f.isNaN(code)) {
                assertTrue(Float.isNaN(v) && f.isNaN(f.encode(v)), "NaN code " + Integer.toHexString(code));
            } else {
                assertEquals(code, f.encode(v), () -> f.name() + " code " + Integer.toHexString(code) + " = " + v);
            }
        }
    }

    @Test
    void fp32IsCastToItselfUnchanged() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            float x = Float.intBitsToFloat(random.nextInt());
            int expected = Float.isNaN(x) ? Float.floatToRawIntBits(x) & 0x8000_0000 | 0x7FC0_0000
                    : Float.floatToRawIntBits(x);
            assertEquals(expected, FloatFormat.FP32.encode(x), () -> "bits of " + x);
        }
    }

    @Test
    void decodingEveryFp16CodeMatchesPyTorch() {
        assertEquals(Goldens.hash("fp16_decode_all_codes_f32_nan_as_zero"),
                Goldens.sha256OfFloats(decodeAllNanAsZero(FloatFormat.FP16)));
    }

    @Test
    void decodingEveryBf16CodeMatchesPyTorchAndIsTheTopHalfOfAnFp32() {
        assertEquals(Goldens.hash("bf16_decode_all_codes_f32_nan_as_zero"),
                Goldens.sha256OfFloats(decodeAllNanAsZero(FloatFormat.BF16)));
        for (int code = 0; code < 1 << 16; code++) {
            if (!FloatFormat.BF16.isNaN(code)) {
                assertEquals(Float.intBitsToFloat(code << 16), FloatFormat.BF16.decode(code), 0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sixteenBitFormats")
    void castingEveryTieAndItsNeighboursMatchesPyTorch(FloatFormat f, String golden) {
        float[] inputs = Goldens.tieInputs(f);
        int[] codes = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            codes[i] = f.encode(inputs[i]);
        }
        assertEquals(Goldens.hash(golden), Goldens.sha256OfCodes(codes), f.name() + " over " + inputs.length
                + " inputs around every midpoint");
    }

    static Stream<Arguments> sixteenBitFormats() {
        return Stream.of(Arguments.of(FloatFormat.FP16, "fp16_encode_fp16_ties"),
                Arguments.of(FloatFormat.BF16, "bf16_encode_bf16_ties"));
    }

    @Test
    void castingEdgeCasesAndRandomValuesMatchesPyTorch() {
        List<String[]> rows = Goldens.csv("fp16_bf16_torch.csv");
        assertTrue(rows.size() > 2000);
        for (String[] row : rows) {
            float x = Float.intBitsToFloat(Integer.parseUnsignedInt(row[0], 16));
            assertCode(FloatFormat.FP16, x, Integer.parseInt(row[1], 16));
            assertCode(FloatFormat.BF16, x, Integer.parseInt(row[2], 16));
        }
    }

    @Test
    void bf16CastIsFp32BitsRoundedToEvenAtBit16() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 1_000_000; i++) {
            int bits = random.nextInt();
            float x = Float.intBitsToFloat(bits);
            if (!Float.isNaN(x)) {
                int classic = (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16; // the usual integer trick
                assertEquals(classic, FloatFormat.BF16.encode(x), () -> Integer.toHexString(bits));
            }
        }
    }

    static Stream<Arguments> ties() {
        return Stream.of(
                Arguments.of(FloatFormat.FP16, 1 + 0x1p-11f, 0x3C00), // halfway 1 and 1+2^-10: to even 1
                Arguments.of(FloatFormat.FP16, 1 + 3 * 0x1p-11f, 0x3C02), // halfway 1+2^-10 and 1+2^-9: to even
                Arguments.of(FloatFormat.FP16, 0x1p-25f, 0x0000), // half the smallest subnormal: to 0
                Arguments.of(FloatFormat.FP16, 3 * 0x1p-25f, 0x0002), // between subnormals 1 and 2: to 2
                Arguments.of(FloatFormat.FP16, 65519.996f, 0x7BFF), // just below the overflow midpoint
                Arguments.of(FloatFormat.FP16, 65520f, 0x7C00), // midpoint 65504..65536: to even = infinity
                Arguments.of(FloatFormat.BF16, 1 + 0x1p-8f, 0x3F80),
                Arguments.of(FloatFormat.FP8_E4M3, 464f, 0x7E), // midpoint 448..(480): to even 448
                Arguments.of(FloatFormat.FP8_E4M3, 1e6f, 0x7E), // saturates
                Arguments.of(FloatFormat.FP8_E4M3.withOverflow(Overflow.NAN), 464f, 0x7E),
                Arguments.of(FloatFormat.FP8_E4M3.withOverflow(Overflow.NAN), 464.00003f, 0x7F),
                Arguments.of(FloatFormat.FP8_E4M3, Float.NEGATIVE_INFINITY, 0xFE),
                Arguments.of(FloatFormat.FP8_E5M2, 61440f, 0x7C), // midpoint 57344..65536: to even = infinity
                Arguments.of(FloatFormat.FP8_E5M2, 61439.996f, 0x7B),
                Arguments.of(FloatFormat.FP8_E5M2.withOverflow(Overflow.SATURATE), 1e9f, 0x7B),
                Arguments.of(FloatFormat.FP8_E5M2, 0x1p-17f, 0x00), // half the smallest subnormal
                Arguments.of(FloatFormat.FP8_E5M2, 3 * 0x1p-17f, 0x02));
    }

    @ParameterizedTest
    @MethodSource("ties")
    void roundsToNearestTiesToEvenAndOverflowsAsDocumented(FloatFormat f, float x, int code) {
        assertCode(f, x, code);
    }

    @Test
    void fp8CodesHaveTheValuesOfTheOcpFormula() {
        List<String[]> rows = Goldens.csv("fp8_values.csv");
        assertEquals(256, rows.size());
        for (String[] row : rows) {
            int code = Integer.parseInt(row[0], 16);
            assertValue(FloatFormat.FP8_E4M3, code, row[1]);
            assertValue(FloatFormat.FP8_E5M2, code, row[2]);
        }
    }

    @Test
    void fp8CastsMatchTheIndependentReference() {
        List<String[]> rows = Goldens.csv("fp8_reference.csv");
        assertTrue(rows.size() > 3000);
        FloatFormat[] formats = {FloatFormat.FP8_E4M3, FloatFormat.FP8_E4M3.withOverflow(Overflow.NAN),
                FloatFormat.FP8_E5M2, FloatFormat.FP8_E5M2.withOverflow(Overflow.SATURATE)};
        for (String[] row : rows) {
            float x = Float.intBitsToFloat(Integer.parseUnsignedInt(row[0], 16));
            for (int k = 0; k < formats.length; k++) {
                assertCode(formats[k], x, Integer.parseInt(row[k + 1], 16));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("smallFormats")
    void spacingIsTheGapToTheNextValue(FloatFormat f) {
        for (int c = 0; c < f.maxFiniteCode(); c++) {
            int code = c;
            double gap = (double) f.decode(code + 1) - f.decode(code);
            assertEquals(gap, f.spacing(f.decode(code)), 0, () -> f.name() + " at " + f.decode(code));
        }
        assertTrue(Double.isNaN(f.spacing(2 * f.maxFinite())));
    }

    @ParameterizedTest
    @MethodSource("smallFormats")
    void relativeSpacingOfNormalsIsBetweenHalfEpsilonAndEpsilon(FloatFormat f) {
        for (double x = f.minNormal(); x <= f.maxFinite(); x *= 1.37) {
            double r = f.relativeSpacing(x);
            assertTrue(r > f.epsilon() / 2 && r <= f.epsilon(), f.name() + " at " + x + ": " + r);
        }
    }

    @Test
    void formatsWithoutInfinityRejectOverflowToInfinity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FloatFormat.FP8_E4M3.withOverflow(Overflow.INFINITY));
        assertTrue(e.getMessage().contains("no infinity"));
        assertThrows(IllegalStateException.class, FloatFormat.FP8_E4M3::infinityCode);
    }

    @Test
    void codesOutsideTheFormatAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FloatFormat.FP16.decode(70000));
        assertTrue(e.getMessage().contains("0..65535"));
        assertThrows(IllegalArgumentException.class, () -> FloatFormat.FP8_E4M3.decode(-1));
    }

    private static float[] decodeAllNanAsZero(FloatFormat f) {
        float[] values = new float[1 << f.bits()];
        for (int code = 0; code < values.length; code++) {
            values[code] = f.isNaN(code) ? 0f : f.decode(code);
        }
        return values;
    }

    private static void assertCode(FloatFormat f, float x, int expected) {
        int actual = f.encode(x);
        if (f.isNaN(expected)) {
            assertTrue(f.isNaN(actual), () -> f + ": " + x + " should be NaN, got " + Integer.toHexString(actual));
        } else {
            assertEquals(expected, actual, () -> f + ": cast of " + x + " (bits "
                    + Integer.toHexString(Float.floatToRawIntBits(x)) + ")");
        }
    }

    private static void assertValue(FloatFormat f, int code, String expected) {
        float v = f.decode(code);
        switch (expected) {
            case "nan" -> assertTrue(Float.isNaN(v) && f.isNaN(code), f.name() + " " + code);
            case "inf", "-inf" -> assertTrue(Float.isInfinite(v) && f.isInfinite(code), f.name() + " " + code);
            default -> assertEquals(Float.floatToIntBits(Float.parseFloat(expected)), Float.floatToIntBits(v),
                    f.name() + " code " + Integer.toHexString(code));
        }
    }
}
