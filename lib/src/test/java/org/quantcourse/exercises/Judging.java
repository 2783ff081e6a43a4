package org.quantcourse.exercises;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** Fresh attempts on a fixed clock for the exercise tests, so that one test's wrong answers never cool another down. */
final class Judging {

    static final Duration COOL_DOWN = Duration.ofSeconds(30);
    static final long SEED = 42;

    private Judging() {
    }

    /** Attempts with no failures yet, on a clock that never moves. */
    static Attempts fresh() {
        return Attempts.on(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), COOL_DOWN);
    }

    /** Every exercise class of the course (Exercises00 … Exercises99 that exist) judged with fresh attempts. */
    static void freshForAll() {
        everyExerciseClass(Judging::fresh);
    }

    /** Resets the attempts in the JVM's standard ones after a test. */
    static void standardForAll() {
        everyExerciseClass(Attempts::standard);
    }

    private static void everyExerciseClass(Supplier<Attempts> attempts) {
        for (int notebook = 0; notebook < 100; notebook++) {
            try {
                Class<?> exercises = Class.forName(String.format("%s.Exercises%02d", Judging.class.getPackageName(), notebook));
                exercises.getDeclaredField("attempts").set(null, attempts.get());
            } catch (ClassNotFoundException | NoSuchFieldException notJudgedUnderAttempts) {
                // a notebook without exercises, or exercises that keep no attempts
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("every ExercisesNN keeps its judge in 'static Attempts attempts'", e);
            }
        }
    }

    /** A check run as a first attempt: fresh attempts, so the verdict is a real one. */
    static boolean passesFirstTime(Supplier<CheckResult> check) {
        freshForAll();
        return check.get().passed();
    }
}
