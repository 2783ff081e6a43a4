package org.quantcourse.course;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExpectTest {

    @Test
    void aHeldClaimPassesAndReturnsTheMeasuredValue() {
        assertDoesNotThrow(() -> Expect.that(true, "fine"));
        assertEquals(0.98, Expect.atLeast(0.98, 0.97, "accuracy"));
        assertEquals(1.0, Expect.near(1.0, 1.05, 0.1, "ratio"));
        assertEquals(0.1, Expect.atMost(0.1, 0.2, "error"));
    }

    @Test
    void aBrokenClaimSaysWhatWasClaimedAndMeasured() {
        AssertionError e = assertThrows(AssertionError.class, () -> Expect.atLeast(0.5, 0.97, "FP32 accuracy"));
        assertTrue(e.getMessage().contains("FP32 accuracy") && e.getMessage().contains("0.97") && e.getMessage().contains("0.5"),
                e.getMessage());
        assertThrows(AssertionError.class, () -> Expect.near(Double.NaN, 1, 0.1, "nan is never near"));
        assertThrows(AssertionError.class, () -> Expect.that(false, "false claim"));
        assertThrows(AssertionError.class, () -> Expect.atMost(3, 2, "too big"));
    }
}
