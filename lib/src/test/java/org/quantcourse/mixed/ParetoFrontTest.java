package org.quantcourse.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ParetoFrontTest {
    private static final SizeAccuracyPoint SMALL_BAD = new SizeAccuracyPoint("a", "2/2", 100, 0.5);
    private static final SizeAccuracyPoint MID_GOOD = new SizeAccuracyPoint("b", "2/4", 150, 0.9);
    private static final SizeAccuracyPoint LARGE_WORSE = new SizeAccuracyPoint("c", "4/4", 200, 0.85);
    private static final SizeAccuracyPoint LARGE_BEST = new SizeAccuracyPoint("d", "8/8", 300, 0.95);

    @Test
    void keepsOnlyPointsNoOtherDominates() {
        assertEquals(List.of(SMALL_BAD, MID_GOOD, LARGE_BEST),
                ParetoFront.of(List.of(LARGE_WORSE, LARGE_BEST, SMALL_BAD, MID_GOOD)));
    }

    @Test
    void dominanceNeedsOneStrictImprovement() {
        assertTrue(MID_GOOD.dominates(LARGE_WORSE));
        assertFalse(MID_GOOD.dominates(MID_GOOD));
        assertFalse(SMALL_BAD.dominates(MID_GOOD));
    }

    @Test
    void marginComparesWithTheBestOfTheLargerPointsOnly() {
        assertEquals(0.9 - 0.95, MID_GOOD.marginOverLarger(List.of(SMALL_BAD, LARGE_WORSE, LARGE_BEST)), 1e-12);
        assertEquals(0.9 - 0.85, MID_GOOD.marginOverLarger(List.of(SMALL_BAD, LARGE_WORSE)), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, MID_GOOD.marginOverLarger(List.of(SMALL_BAD)));
    }

    @Test
    void tableHasTheColumnsOfTheResultsFile() {
        Table t = ParetoFront.table("points", List.of(SMALL_BAD, MID_GOOD));
        assertEquals(List.of("config", "bits_per_layer", "stored_bytes", "accuracy"), t.columnNames());
        assertEquals(2, t.rowCount());
    }
}
