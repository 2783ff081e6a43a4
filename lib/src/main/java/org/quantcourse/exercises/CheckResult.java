package org.quantcourse.exercises;

/**
 * The verdict on a student's answer to an exercise: ✓ with a confirmation, or ✗ with a hint that points the way
 * without giving the answer away. Used in the Exercises section of every notebook.
 */
public record CheckResult(String exercise, boolean passed, String message) {

    /** A passed check. */
    public static CheckResult pass(String exercise, String message) {
        return new CheckResult(exercise, true, message);
    }

    /** A failed check with a hint. */
    public static CheckResult fail(String exercise, String hint) {
        return new CheckResult(exercise, false, hint);
    }

    /** Checks a number against the expected value within an absolute tolerance. */
    public static CheckResult number(String exercise, double answer, double expected, double tolerance, String hint) {
        if (Double.isFinite(answer) && Math.abs(answer - expected) <= tolerance) {
            return pass(exercise, "correct: " + shown(answer));
        }
        return fail(exercise, "your answer " + shown(answer) + " is not right yet. Hint: " + hint);
    }

    /** A number as a student typed it: whole numbers without a decimal point. */
    static String shown(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** "✓ Exercise 2.1: …" or "✗ Exercise 2.1: …", as a notebook shows it. */
    @Override
    public String toString() {
        return (passed ? "✓ " : "✗ ") + exercise + ": " + message;
    }
}
