package org.quantcourse.course;

import java.util.Locale;

/**
 * The asserts a notebook makes about what it just showed, so that executing the notebook is a test. Each failure
 * throws an AssertionError that says what was claimed and what was measured. Used in every notebook.
 */
public final class Expect {

    private Expect() {
    }

    /** Fails with the message unless the condition holds. */
    public static void that(boolean condition, String claim) {
        if (!condition) {
            throw new AssertionError("Claim failed: " + claim);
        }
    }

    /** Fails unless |actual − expected| ≤ tolerance; returns actual so a cell can show it. */
    public static double near(double actual, double expected, double tolerance, String what) {
        if (!(Math.abs(actual - expected) <= tolerance)) {
            throw new AssertionError(String.format(Locale.ROOT, "Claim failed: %s should be %.6g ± %.3g, but was %.6g",
                    what, expected, tolerance, actual));
        }
        return actual;
    }

    /** Fails unless actual ≥ minimum; returns actual so a cell can show it. */
    public static double atLeast(double actual, double minimum, String what) {
        if (!(actual >= minimum)) {
            throw new AssertionError(String.format(Locale.ROOT, "Claim failed: %s should be at least %.6g, but was %.6g",
                    what, minimum, actual));
        }
        return actual;
    }

    /** Fails unless actual ≤ maximum; returns actual so a cell can show it. */
    public static double atMost(double actual, double maximum, String what) {
        if (!(actual <= maximum)) {
            throw new AssertionError(String.format(Locale.ROOT, "Claim failed: %s should be at most %.6g, but was %.6g",
                    what, maximum, actual));
        }
        return actual;
    }
}
