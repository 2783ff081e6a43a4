package org.quantcourse.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

class FormatLayoutTest {

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(FloatFormat.FP32, 1f, "0 01111111 00000000000000000000000", BitFields.Kind.NORMAL),
                Arguments.of(FloatFormat.FP16, 1f, "0 01111 0000000000", BitFields.Kind.NORMAL),
                Arguments.of(FloatFormat.FP16, -2.5f, "1 10000 0100000000", BitFields.Kind.NORMAL),
                Arguments.of(FloatFormat.FP16, 0x1p-24f, "0 00000 0000000001", BitFields.Kind.SUBNORMAL),
                Arguments.of(FloatFormat.BF16, 1f, "0 01111111 0000000", BitFields.Kind.NORMAL),
                Arguments.of(FloatFormat.FP8_E4M3, 448f, "0 1111 110", BitFields.Kind.NORMAL),
                Arguments.of(FloatFormat.FP8_E4M3, Float.NaN, "0 1111 111", BitFields.Kind.NAN),
                Arguments.of(FloatFormat.FP8_E5M2, Float.POSITIVE_INFINITY, "0 11111 00", BitFields.Kind.INFINITY),
                Arguments.of(FloatFormat.FP8_E5M2, -0f, "1 00000 00", BitFields.Kind.ZERO),
                Arguments.of(IntegerFormat.INT8, -1f, "1 1111111", BitFields.Kind.INTEGER),
                Arguments.of(IntegerFormat.INT4, 7f, "0 111", BitFields.Kind.INTEGER),
                Arguments.of(IntegerFormat.INT4, -8f, "1 000", BitFields.Kind.INTEGER));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void fieldsSplitTheBitPatternIntoSignExponentAndMantissa(NumberFormat f, float x, String binary,
            BitFields.Kind kind) {
        BitFields b = f.fields(x);
        assertEquals(binary, b.binary());
        assertEquals(kind, b.kind());
        assertTrue(b.html().contains("<table"), "HTML drawing");
    }

    @Test
    void formulaShowsHowTheValueFollowsFromTheFields() {
        assertEquals("-2^(16-15) × (1 + 256/1024) = -2.5", FloatFormat.FP16.fields(-2.5f).formula());
        assertEquals("+2^(1-7) × (0 + 1/8) = 0.001953125", FloatFormat.FP8_E4M3.fields(0x1p-9f).formula());
        assertEquals("-1 × 8 + 3 = -5", IntegerFormat.INT4.fields(-5f).formula());
    }

    @Test
    void integerCastsRoundHalfToEvenAndSaturate() {
        assertEquals(2, IntegerFormat.INT8.encode(2.5f));
        assertEquals(-4, IntegerFormat.INT8.encode(-3.5f));
        assertEquals(127, IntegerFormat.INT8.encode(1000f));
        assertEquals(-8, IntegerFormat.INT4.encode(-9.7f));
        assertThrows(IllegalArgumentException.class, () -> IntegerFormat.INT8.encode(Float.NaN));
    }

    @Test
    void integerSpacingIsUniformWhileFloatSpacingGrowsWithTheValue() {
        assertEquals(1, IntegerFormat.INT8.spacing(0.5));
        assertEquals(1, IntegerFormat.INT8.spacing(120));
        assertEquals(0x1p-10 / 8, FloatFormat.FP16.spacing(0.2), 0); // 0.2 is in [2^-3, 2^-2)
        assertEquals(32, FloatFormat.FP16.spacing(40000), 0);
    }

    @Test
    void rangeTableListsEveryFormat() {
        List<NumberFormat> formats = List.of(FloatFormat.FP32, FloatFormat.FP16, FloatFormat.BF16,
                FloatFormat.FP8_E4M3, FloatFormat.FP8_E5M2, IntegerFormat.INT8, IntegerFormat.INT4);
        Table t = FormatRanges.of(formats);
        assertEquals(7, t.rowCount());
        assertEquals(448.0, t.doubleColumn("max").get(3), 0);
        assertEquals("no", t.stringColumn("infinity").get(3));
        assertEquals("yes", t.stringColumn("infinity").get(4));
        assertEquals(127.0, t.doubleColumn("max").get(5), 0);
    }

    @Test
    void nonNegativeValuesAreAscendingAndEndAtTheMaximum() {
        float[] v = FloatFormat.FP8_E4M3.nonNegativeValues();
        assertEquals(127, v.length);
        for (int i = 1; i < v.length; i++) {
            assertTrue(v[i] > v[i - 1]);
        }
        assertEquals(448f, v[v.length - 1]);
        assertThrows(IllegalArgumentException.class, FloatFormat.FP32::nonNegativeValues);
    }
}
