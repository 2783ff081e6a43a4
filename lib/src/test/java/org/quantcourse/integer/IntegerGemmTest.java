package org.quantcourse.integer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntegerGemmTest {

    @ParameterizedTest(name = "za {0}, zb {1}")
    @CsvSource({"0, 0", "37, 0", "0, -5", "128, 3", "255, -128"})
    void theZeroPointCrossTermsGiveTheProductOfTheShiftedCodes(int za, int zb) {
        SplittableRandom r = new SplittableRandom(za * 31L + zb);
        int rows = 7;
        int cols = 5;
        int depth = 300;
        int[] a = r.ints(rows * depth, 0, 256).toArray();
        int[] b = r.ints(cols * depth, -128, 128).toArray();
        int[] bias = r.ints(cols, -10_000, 10_000).toArray();
        int[] expected = new int[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int o = 0; o < cols; o++) {
                long s = bias[o];
                for (int k = 0; k < depth; k++) {
                    s += (long) (a[i * depth + k] - za) * (b[o * depth + k] - zb);
                }
                expected[i * cols + o] = Math.toIntExact(s);
            }
        }
        int[] got = IntegerGemm.accumulate(a, rows, IntegerGemm.transpose(b, cols, depth), cols, depth, za, zb, IntegerGemm.rowSums(b, cols, depth), bias);
        assertArrayEquals(expected, got);
    }
}
