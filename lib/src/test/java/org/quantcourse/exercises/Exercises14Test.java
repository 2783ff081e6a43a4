package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Exercises14Test {
    private static final long FIXED_SEED = 14;

    @Test
    void rectifiedSigmoidAcceptsTheFormulaAndRejectsThePlainSigmoid() {
        CodingExercise<Double, Double> right = Exercises14.rectifiedSigmoid()
                .judgedBy(Attempts.standard(), FIXED_SEED).build();
        assertTrue(right.check(v -> Math.min(1, Math.max(0, 1.2 / (1 + Math.exp(-v)) - 0.1))).passed());
        CodingExercise<Double, Double> wrong = Exercises14.rectifiedSigmoid()
                .judgedBy(Attempts.standard(), FIXED_SEED).build();
        assertFalse(wrong.check(v -> 1 / (1 + Math.exp(-v))).passed());
    }

    @Test
    void fewestBitsQuestionAcceptsFc1Only() {
        assertTrue(ChoiceQuestion.of("q", 'B', "why", Hints.of("a", "b")).check('B').passed());
        assertFalse(Exercises14.FEWEST_BITS.check('A').passed());
    }
}
