package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExerciseCheckersTest {

    private static final long SEED = 42;
    private static final Duration COOL_DOWN = Duration.ofSeconds(30);

    private MovableClock clock;
    private Attempts attempts;

    @BeforeEach
    void freshAttempts() {
        clock = new MovableClock();
        attempts = Attempts.on(clock, COOL_DOWN);
    }

    private CodingExercise<float[], Integer> roundingExercise() {
        return CodingExercise.<float[], Integer>named("Exercise X.1")
                .input(random -> new float[] {random.nextInt(21) / 2f - 5f}, x -> "x = " + x[0])
                .reference(x -> (int) Math.rint(x[0]))
                .hints("round half to even", "Math.rint, then cast")
                .judgedBy(attempts, SEED)
                .build();
    }

    @Test
    void aRightMethodPassesOnEveryRandomCase() {
        CheckResult result = roundingExercise().check(x -> (int) Math.rint(x[0]));
        assertTrue(result.passed(), result.toString());
        assertTrue(result.message().contains(CodingExercise.DEFAULT_CASES + " fresh random cases"));
    }

    @Test
    void aWrongMethodIsShownItsInputButNotTheExpectedOutput() {
        CheckResult result = roundingExercise().check(x -> Math.round(x[0]));
        assertFalse(result.passed());
        assertTrue(result.message().startsWith("for x = "), result.message());
        assertTrue(result.message().contains("round half to even"), "the first hint follows the first failure");
    }

    @Test
    void theSecondFailureGetsTheSecondHint() {
        CodingExercise<float[], Integer> exercise = roundingExercise();
        exercise.check(x -> 0);
        CheckResult second = exercise.check(x -> 0);
        assertTrue(second.message().contains("Math.rint, then cast"), second.message());
    }

    @Test
    void aMethodThatThrowsIsAFailureNotACrash() {
        CheckResult result = roundingExercise().check(x -> { throw new IllegalStateException("not yet"); });
        assertFalse(result.passed());
        assertTrue(result.message().contains("not yet"), result.message());
    }

    @Test
    void noMethodIsAClearFailure() {
        CheckResult result = roundingExercise().check(null);
        assertFalse(result.passed());
        assertTrue(result.message().contains("pass your method"));
    }

    @Test
    void everyCheckDrawsFreshCases() {
        List<String> seen = new ArrayList<>();
        CodingExercise<float[], Integer> exercise = roundingExercise();
        Function<float[], Integer> recorder = x -> { seen.add(Float.toString(x[0])); return (int) Math.rint(x[0]); };
        exercise.check(recorder);
        List<String> first = List.copyOf(seen);
        seen.clear();
        exercise.check(recorder);
        assertFalse(first.equals(seen), "two checks must not run the same cases");
    }

    @Test
    void aBuilderWithoutReferenceSaysWhatIsMissing() {
        var builder = CodingExercise.<float[], Integer>named("Exercise X.2").hints("a", "b");
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertTrue(e.getMessage().contains("reference"));
    }

    private ChoiceQuestion question() {
        return ChoiceQuestion.of("Exercise X.3", 'c', "because C.", Hints.of("think of A", "think of B")).judgedBy(attempts);
    }

    @ParameterizedTest
    @ValueSource(chars = {'C', 'c'})
    void theRightLetterInEitherCasePassesWithTheExplanation(char answer) {
        CheckResult result = question().check(answer);
        assertTrue(result.passed());
        assertTrue(result.message().contains("because C."));
    }

    @Test
    void thePlaceholderIsNotJudgedAndCostsNothing() {
        ChoiceQuestion question = question();
        assertTrue(question.check('?').message().startsWith("not answered yet"));
        assertTrue(question.check('C').passed(), "the placeholder did not count as a wrong answer");
    }

    @Test
    void tryingEveryLetterInALoopRevealsNothingAfterTwoWrongAnswers() {
        ChoiceQuestion question = question();
        assertTrue(question.check('A').message().contains("think of A"));
        assertTrue(question.check('B').message().contains("think of B"));
        CheckResult right = question.check('C');
        CheckResult wrong = question.check('D');
        assertFalse(right.passed(), "the right answer is not judged while cooling down");
        assertEquals(right.message(), wrong.message(), "right and wrong look the same while cooling down");
        assertFalse(right.message().contains("because C."));
    }

    @Test
    void afterTheCoolDownAnswersAreJudgedAgain() {
        ChoiceQuestion question = question();
        question.check('A');
        question.check('B');
        clock.advance(COOL_DOWN.plusSeconds(1));
        assertTrue(question.check('C').passed());
    }

    @Test
    void aNonLetterAsTheRightChoiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChoiceQuestion.of("Exercise X.4", '3', "", Hints.of("a", "b")));
    }

    @Test
    void arraysAreShownByTheirElements() {
        assertEquals("[1, 2]", Shown.of(new int[] {1, 2}));
        assertEquals("[[1.0], [2.0]]", Shown.of(new double[][] {{1}, {2}}));
        assertEquals("null", Shown.of(null));
    }

    /** A clock that tests move forward by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
