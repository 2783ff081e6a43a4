package org.quantcourse.exercises;

import java.util.Objects;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * An exercise where the student writes a method: the checker runs it on fresh random cases (a new seed on every
 * call) against a hidden reference. A failure shows the input and the student's output, never the expected output,
 * with the next {@link Hints} under the {@link Attempts} rules.
 *
 * @param <I> one case's input (a record or an array)
 * @param <O> the method's output
 */
public final class CodingExercise<I, O> {

    /** Cases per check unless the builder says otherwise. */
    public static final int DEFAULT_CASES = 20;

    private final String exercise;
    private final Function<Random, I> generator;
    private final Function<I, String> describe;
    private final Function<I, O> reference;
    private final BiPredicate<O, O> same;
    private final Hints hints;
    private final int cases;
    private final Attempts attempts;
    private final Random seeds;

    /** Takes the builder's settings as they are now, so changing the builder later leaves this exercise alone. */
    private CodingExercise(Builder<I, O> spec) {
        this.exercise = spec.exercise;
        this.generator = spec.generator;
        this.describe = spec.describe;
        this.reference = spec.reference;
        this.same = spec.same;
        this.hints = spec.hints;
        this.cases = spec.cases;
        this.attempts = spec.attempts;
        this.seeds = new Random(spec.seed);
    }

    /** Starts an exercise called {@code exercise} (e.g. "Exercise 9.3"). */
    public static <I, O> Builder<I, O> named(String exercise) {
        return new Builder<>(Objects.requireNonNull(exercise, "exercise"));
    }

    /** Runs the student's method on fresh random cases and judges it. */
    public CheckResult check(Function<I, O> yours) {
        if (yours == null) {
            return CheckResult.fail(exercise, "pass your method, e.g. check(this::yourMethod) or a lambda.");
        }
        Random random = new Random(seeds.nextLong());
        for (int i = 0; i < cases; i++) {
            I input = generator.apply(random);
            String problem = problemWith(yours, input);
            if (problem != null) {
                return attempts.judge(exercise, false, () -> "", problem, hints);
            }
        }
        return attempts.judge(exercise, true, () -> "correct on " + cases + " fresh random cases.", "", hints);
    }

    /** What is wrong with the student's output for one input, or null when it matches the reference. */
    private String problemWith(Function<I, O> yours, I input) {
        O got;
        try {
            got = yours.apply(input);
        } catch (RuntimeException e) {
            return "your method threw " + e + " for " + describe.apply(input) + ".";
        }
        if (got != null && same.test(got, reference.apply(input))) {
            return null;
        }
        return "for " + describe.apply(input) + " your method returned " + Shown.of(got) + ", which is not right.";
    }

    /** Builds a {@link CodingExercise}: input generator, reference, comparison, hints. */
    public static final class Builder<I, O> {
        private final String exercise;
        private Function<Random, I> generator;
        private Function<I, String> describe = Shown::of;
        private Function<I, O> reference;
        private BiPredicate<O, O> same = Objects::deepEquals;
        private Hints hints;
        private int cases = DEFAULT_CASES;
        private Attempts attempts = Attempts.standard();
        private long seed = System.nanoTime();

        private Builder(String exercise) {
            this.exercise = exercise;
        }

        /** How a random case is made and how it is shown to the student. */
        public Builder<I, O> input(Function<Random, I> generator, Function<I, String> describe) {
            this.generator = Objects.requireNonNull(generator, "generator");
            this.describe = Objects.requireNonNull(describe, "describe");
            return this;
        }

        /** The hidden correct method. */
        public Builder<I, O> reference(Function<I, O> reference) {
            this.reference = Objects.requireNonNull(reference, "reference");
            return this;
        }

        /** When the student's output counts as equal to the reference's ({@code Objects::deepEquals} by default). */
        public Builder<I, O> same(BiPredicate<O, O> same) {
            this.same = Objects.requireNonNull(same, "same");
            return this;
        }

        /** The two hints. */
        public Builder<I, O> hints(String first, String second) {
            this.hints = Hints.of(first, second);
            return this;
        }

        /** How many random cases one check runs. */
        public Builder<I, O> cases(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("an exercise needs at least one case, not " + count);
            }
            this.cases = count;
            return this;
        }

        /** Judged with other attempts and a fixed seed (tests). */
        public Builder<I, O> judgedBy(Attempts other, long fixedSeed) {
            this.attempts = Objects.requireNonNull(other, "attempts");
            this.seed = fixedSeed;
            return this;
        }

        /** The exercise; input, reference and hints are required. */
        public CodingExercise<I, O> build() {
            if (generator == null || reference == null || hints == null) {
                throw new IllegalStateException(exercise + " needs input(...), reference(...) and hints(...)");
            }
            return new CodingExercise<>(this);
        }
    }
}
