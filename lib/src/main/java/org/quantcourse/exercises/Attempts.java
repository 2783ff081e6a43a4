package org.quantcourse.exercises;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Feedback that reveals nothing to a loop: the first wrong answer to an exercise gets the first hint, the second the
 * second hint, and after two wrong answers nothing is judged, right or wrong, until a cool-down has passed since the
 * last wrong one. A right answer starts the count again.
 */
public final class Attempts {

    /** How long answers go unjudged after the second wrong one. */
    public static final Duration COOL_DOWN = Duration.ofSeconds(30);

    private static final Attempts STANDARD = new Attempts(Clock.systemUTC(), COOL_DOWN);

    private final Clock clock;
    private final Duration coolDown;
    private final Map<String, Failures> failures = new HashMap<>();

    private record Failures(int count, Instant last) {
    }

    private Attempts(Clock clock, Duration coolDown) {
        this.clock = clock;
        this.coolDown = coolDown;
    }

    /** The attempts of this session (one kernel), on the system clock with a 30 s cool-down. */
    public static Attempts standard() {
        return STANDARD;
    }

    /** Attempts on a given clock and cool-down, for tests. */
    public static Attempts on(Clock clock, Duration coolDown) {
        return new Attempts(clock, coolDown);
    }

    /**
     * Judges one answer: a pass with {@code confirmation}, a fail with {@code problem} and the next hint, or, while
     * cooling down, a fail that says nothing about the answer.
     */
    public synchronized CheckResult judge(String exercise, boolean right, Supplier<String> confirmation,
                                          String problem, Hints hints) {
        Failures before = failures.get(exercise);
        if (before != null && before.count() >= 2 && coolingDown(before)) {
            return CheckResult.fail(exercise, "not judged: two answers were wrong in a row. Reread the hint ("
                    + hints.second() + ") and answer again in " + secondsLeft(before) + " s.");
        }
        if (right) {
            failures.remove(exercise);
            return CheckResult.pass(exercise, confirmation.get());
        }
        int count = before == null ? 1 : before.count() + 1;
        failures.put(exercise, new Failures(count, clock.instant()));
        return CheckResult.fail(exercise, problem + " Hint: " + hints.after(count));
    }

    private boolean coolingDown(Failures last) {
        return clock.instant().isBefore(last.last().plus(coolDown));
    }

    private long secondsLeft(Failures last) {
        return Math.max(1, Duration.between(clock.instant(), last.last().plus(coolDown)).toSeconds());
    }
}
