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

    /** Every exercise class judged with fresh attempts. */
    static void freshForAll() {
        Exercises00.attempts = fresh();
        Exercises01.attempts = fresh();
        Exercises02.attempts = fresh();
        Exercises03.attempts = fresh();
        Exercises04.attempts = fresh();
        Exercises05.attempts = fresh();
        Exercises06.attempts = fresh();
        Exercises07.attempts = fresh();
        Exercises08.attempts = fresh();
        Exercises09.attempts = fresh();
        Exercises10.attempts = fresh();
        Exercises14.attempts = fresh();
    }

    /** Resets the attempts in the JVM's standard ones after a test. */
    static void standardForAll() {
        Exercises00.attempts = Attempts.standard();
        Exercises01.attempts = Attempts.standard();
        Exercises02.attempts = Attempts.standard();
        Exercises03.attempts = Attempts.standard();
        Exercises04.attempts = Attempts.standard();
        Exercises05.attempts = Attempts.standard();
        Exercises06.attempts = Attempts.standard();
        Exercises07.attempts = Attempts.standard();
        Exercises08.attempts = Attempts.standard();
        Exercises09.attempts = Attempts.standard();
        Exercises10.attempts = Attempts.standard();
        Exercises14.attempts = Attempts.standard();
    }

    /** A check run as a first attempt: fresh attempts, so the verdict is a real one. */
    static boolean passesFirstTime(Supplier<CheckResult> check) {
        freshForAll();
        return check.get().passed();
    }
}
