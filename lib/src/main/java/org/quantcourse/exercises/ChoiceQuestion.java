package org.quantcourse.exercises;

import java.util.Objects;

/**
 * A predict-or-explain question answered with the letter of a choice; the explanation is shown only to a right
 * answer, and wrong answers get {@link Hints} under the {@link Attempts} rules, so trying every letter reveals nothing.
 */
public final class ChoiceQuestion {

    private final String exercise;
    private final char correct;
    private final String explanation;
    private final Hints hints;
    private final Attempts attempts;

    private ChoiceQuestion(String exercise, char correct, String explanation, Hints hints, Attempts attempts) {
        if (!Character.isLetter(correct)) {
            throw new IllegalArgumentException("the right choice must be a letter such as 'B', not '" + correct + "'");
        }
        this.exercise = Objects.requireNonNull(exercise, "exercise");
        this.correct = Character.toUpperCase(correct);
        this.explanation = Objects.requireNonNull(explanation, "explanation");
        this.hints = Objects.requireNonNull(hints, "hints");
        this.attempts = attempts;
    }

    /** A question whose right choice is {@code correct}, judged with the session's attempts. */
    public static ChoiceQuestion of(String exercise, char correct, String explanation, Hints hints) {
        return new ChoiceQuestion(exercise, correct, explanation, hints, Attempts.standard());
    }

    /** The same question judged with other attempts (tests use a fixed clock). */
    public ChoiceQuestion judgedBy(Attempts other) {
        return new ChoiceQuestion(exercise, correct, explanation, hints, other);
    }

    /** Checks a letter (either case); anything that is not a letter, like the '?' placeholder, is not judged. */
    public CheckResult check(char answer) {
        if (!Character.isLetter(answer)) {
            return CheckResult.fail(exercise, "not answered yet: replace '" + answer
                    + "' with the letter of your choice, e.g. 'A'.");
        }
        char letter = Character.toUpperCase(answer);
        return attempts.judge(exercise, letter == correct, () -> "right, " + letter + ". " + explanation,
                letter + " is not the best answer.", hints);
    }
}
