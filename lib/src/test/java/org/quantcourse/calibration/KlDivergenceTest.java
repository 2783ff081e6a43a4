package org.quantcourse.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KlDivergenceTest {
    /** Relative tolerance on divergences computed in a different order of summation. */
    private static final double DIVERGENCE_TOLERANCE = 1e-9;

    @Test
    void dataOnExactlyTheLevelsWithOneFarOutlierIsClippedAtTheOccupiedBins() {
        long[] h = new long[KlDivergence.BINS];
        for (int k = 0; k < 128; k++) {
            h[k] = 1000 + 7 * (k % 5);
        }
        h[2047] = 1;
        assertEquals(128, KlDivergence.bestBinCount(h, 128));
    }

    @Test
    void keepingEveryBinOfAFlatHistogramLosesNothing() {
        long[] h = new long[KlDivergence.BINS];
        Arrays.fill(h, 50);
        assertEquals(0, KlDivergence.divergence(h, KlDivergence.BINS, 128), 1e-12);
        assertEquals(KlDivergence.BINS, KlDivergence.bestBinCount(h, 128));
    }

    @Test
    void clippingAHeavyTailCostsLessThanCoarseLevels() {
        long[] h = new long[KlDivergence.BINS];
        for (int k = 0; k < h.length; k++) {
            h[k] = Math.round(1e6 * Math.exp(-k / 40.0));
        }
        int best = KlDivergence.bestBinCount(h, 128);
        assertTrue(best > 128 && best < 1024, "threshold inside the bulk, got " + best + " bins");
    }

    static Stream<Arguments> references() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                KlDivergenceTest.class.getResourceAsStream("kl_reference.csv"), StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.startsWith("#") && !l.startsWith("case")).map(l -> l.split(","))
                    .map(row -> Arguments.of((Object) row)).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("references")
    void bestThresholdMatchesTheMxnetStyleReference(String[] row) {
        int levels = Integer.parseInt(row[1]);
        long[] h = Arrays.stream(row, 4, row.length).mapToLong(Long::parseLong).toArray();
        assertEquals(KlDivergence.BINS, h.length);
        int best = KlDivergence.bestBinCount(h, levels);
        assertEquals(Integer.parseInt(row[2]), best, row[0] + " with " + levels + " levels");
        double expected = Double.parseDouble(row[3]);
        assertEquals(expected, KlDivergence.divergence(h, best, levels), expected * DIVERGENCE_TOLERANCE);
    }

    @Test
    void badHistogramsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> KlDivergence.bestBinCount(new long[10], 16));
        assertThrows(IllegalArgumentException.class, () -> KlDivergence.bestBinCount(null, 16));
    }
}
