package org.quantcourse.exercises;

import org.quantcourse.compress.ArticleQuantizer;
import org.quantcourse.course.CourseData;
import org.quantcourse.data.ImageDataset;
import org.quantcourse.train.ArticleCnn;

/** Checks for the exercises of notebook 01 (the article as written), judged under {@link Attempts}. */
public final class Exercises01 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    private Exercises01() {
    }

    /** One case of Exercise 1.4: a weight and the bit width the article's {@code quantize()} is called with. */
    public record WeightAndBits(float weight, int bits) {
    }

    /** Exercise 1.1: the flattened size entering fc1 for a 32×32 input (CIFAR-sized). */
    public static CheckResult flattenedSizeFor32(int answer) {
        return attempts.number("Exercise 1.1", answer, ArticleCnn.correctFlattenedSize(32), 0, Hints.of(
                "follow the side of the image through the layers, as the notebook did for 28",
                "each 3×3 convolution takes 2 pixels off a side, the 4×4 pooling divides by 4; then 64 · side · side"));
    }

    /** Exercise 1.2: the smallest weight (to 3 decimals) that the article's quantize does not turn into 0 at 8 bits. */
    public static CheckResult survivingWeightAt8Bits(double answer) {
        boolean survives = ArticleQuantizer.quantize((float) answer, 8) > 0;
        boolean smallest = ArticleQuantizer.quantize((float) (answer - 0.001), 8) == 0;
        return attempts.judge("Exercise 1.2", survives && smallest,
                () -> answer + " survives, everything below rounds to 0",
                survives ? "something smaller survives too." : answer + " still rounds to 0.", Hints.of(
                        "the formula is round(w / 255 · 2^8): when is that at least 1?",
                        "round(w / 255 · 2^8) ≥ 1 needs w / 255 · 256 > 0.5 (0.5 itself rounds to even, 0)"));
    }

    /** Exercise 1.3: the test accuracy of a model that answers "1" for every image. */
    public static CheckResult alwaysOneAccuracy(double answer) {
        ImageDataset test = CourseData.load().test();
        double expected = (double) test.classCounts()[1] / test.size();
        return attempts.number("Exercise 1.3", answer, expected, 1e-4, Hints.of(
                "accuracy is a fraction of the test set, between 0 and 1",
                "it is right exactly on the test images labelled 1: their count divided by the test set's size"));
    }

    /** Exercise 1.4: the student writes the article's {@code quantize()} for one weight, in float32. */
    public static CodingExercise<WeightAndBits, Float> articleQuantize() {
        return articleQuantize(System.nanoTime());
    }

    static CodingExercise<WeightAndBits, Float> articleQuantize(long seed) {
        return CodingExercise.<WeightAndBits, Float>named("Exercise 1.4")
                .input(random -> new WeightAndBits(random.nextBoolean() ? (float) random.nextGaussian()
                        : random.nextFloat() * 400f - 100f, 1 + random.nextInt(8)), Shown::of)
                .reference(c -> ArticleQuantizer.quantize(c.weight(), c.bits()))
                .same((yours, expected) -> yours.floatValue() == expected.floatValue())
                .hints("the article divides by 255, multiplies by 2^bits, rounds, and clamps to [0, 255]",
                        "(float) Math.rint(w / 255f * (1 << bits)), then Math.max(0f, Math.min(255f, …)): a weight"
                                + " below 0 becomes 0")
                .judgedBy(attempts, seed)
                .build();
    }

    /** Exercise 1.5: why the article's quantized model is at chance at every bit width. */
    public static ChoiceQuestion chanceQuestion() {
        return ChoiceQuestion.of("Exercise 1.5", 'C',
                "the formula treats weights like 0–255 pixel values: dividing by 255 sends almost every weight (|w| < 1)"
                        + " to code 0, negative weights are clamped to 0, and the codes are never multiplied back by a"
                        + " scale. More bits cannot help a scale that is wrong.",
                Hints.of("look at what happens to a typical weight, say 0.05, at 8 bits and at 16",
                        "where does the 255 in the formula come from, and what range do weights have?"))
                .judgedBy(attempts);
    }
}
