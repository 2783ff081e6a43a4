package org.quantcourse.exercises;

import java.util.Objects;

/** Two levels of help for an exercise: the first wrong answer gets {@code first}, later ones {@code second}. */
public record Hints(String first, String second) {

    /** Checks that both hints are given. */
    public Hints {
        Objects.requireNonNull(first, "first hint");
        Objects.requireNonNull(second, "second hint");
    }

    /** The two hints, gentle first, then closer to the answer. */
    public static Hints of(String first, String second) {
        return new Hints(first, second);
    }

    /** The hint after {@code failures} wrong answers (1 → first, 2 or more → second). */
    public String after(int failures) {
        return failures <= 1 ? first : second;
    }
}
