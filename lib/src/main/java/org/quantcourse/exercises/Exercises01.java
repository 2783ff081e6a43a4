package org.quantcourse.exercises;

import org.quantcourse.compress.ArticleQuantizer;
import org.quantcourse.course.CourseData;
import org.quantcourse.data.ImageDataset;
import org.quantcourse.train.ArticleCnn;

/** Checks for the exercises of notebook 01 (the article as written), computed with the library. */
public final class Exercises01 {

    private Exercises01() {
    }

    /** Exercise 1.1: the flattened size entering fc1 for a 32×32 input (CIFAR-sized). */
    public static CheckResult flattenedSizeFor32(int answer) {
        return CheckResult.number("Exercise 1.1", answer, ArticleCnn.correctFlattenedSize(32), 0,
                "each 3×3 convolution takes 2 pixels off a side, the 4×4 pooling divides by 4; then 64 · side · side");
    }

    /** Exercise 1.2: the smallest weight (to 3 decimals) that the article's quantize does not turn into 0 at 8 bits. */
    public static CheckResult survivingWeightAt8Bits(double answer) {
        boolean survives = ArticleQuantizer.quantize((float) answer, 8) > 0;
        boolean smallest = ArticleQuantizer.quantize((float) (answer - 0.001), 8) == 0;
        if (survives && smallest) {
            return CheckResult.pass("Exercise 1.2", "correct: " + answer + " survives, everything below rounds to 0");
        }
        return CheckResult.fail("Exercise 1.2", (survives ? "something smaller survives too" : answer + " still rounds to 0")
                + ". Hint: round(w / 255 · 2^8) ≥ 1 needs w / 255 · 256 > 0.5 (0.5 itself rounds to even, 0)");
    }

    /** Exercise 1.3: the test accuracy of a model that answers "1" for every image. */
    public static CheckResult alwaysOneAccuracy(double answer) {
        ImageDataset test = CourseData.load().test();
        double expected = (double) test.classCounts()[1] / test.size();
        return CheckResult.number("Exercise 1.3", answer, expected, 1e-4,
                "it is right exactly on the test images labelled 1: their count divided by the test set's size");
    }
}
