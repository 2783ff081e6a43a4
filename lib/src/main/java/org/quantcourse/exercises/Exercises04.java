package org.quantcourse.exercises;

import org.quantcourse.course.CourseData;
import org.quantcourse.course.CourseModel;
import org.quantcourse.course.CourseSettings;
import org.quantcourse.eval.EvaluationResult;
import org.quantcourse.train.ArticleCnn;

/** Checks for the exercises of notebook 04 (train the CNN), computed from the network and the cached model. */
public final class Exercises04 {

    private Exercises04() {
    }

    /** Exercise 4.1: the number of parameters of conv2. */
    public static CheckResult conv2Parameters(long answer) {
        long expected = ArticleCnn.builder().build().getLayer(1).numParams();
        return CheckResult.number("Exercise 4.1", answer, expected, 0,
                "64 filters, each 3 × 3 × (the 32 input channels), plus one bias per filter");
    }

    /** Exercise 4.2: weight updates per epoch with batches of 64 over the course's training images. */
    public static CheckResult updatesPerEpoch(long answer) {
        int images = CourseData.load().train().size();
        long expected = (images + CourseModel.BATCH_SIZE - 1) / CourseModel.BATCH_SIZE;
        return CheckResult.number("Exercise 4.2", answer, expected, 0,
                "one update per batch: the training images divided by 64, and a last, smaller batch counts too");
    }

    /** Exercise 4.3: the improved model's most frequent mistake, as (true digit, predicted digit). */
    public static CheckResult mostCommonMistake(int trueDigit, int predictedDigit) {
        EvaluationResult eval = EvaluationResult.of(CourseModel.trained().network(),
                CourseData.load().test().iterator(500, CourseSettings.seed()));
        return mostCommonMistake(eval.confusionMatrix(), trueDigit, predictedDigit);
    }

    /** The check of 4.3 on a confusion matrix (rows: true digit, columns: predicted digit). */
    static CheckResult mostCommonMistake(int[][] m, int trueDigit, int predictedDigit) {
        int best = 0;
        for (int t = 0; t < m.length; t++) {
            for (int p = 0; p < m.length; p++) {
                best = t != p ? Math.max(best, m[t][p]) : best;
            }
        }
        boolean inRange = trueDigit >= 0 && trueDigit < m.length && predictedDigit >= 0 && predictedDigit < m.length;
        if (inRange && trueDigit != predictedDigit && m[trueDigit][predictedDigit] == best) {
            return CheckResult.pass("Exercise 4.3", "correct: " + best + " test images of " + trueDigit + " were read as " + predictedDigit);
        }
        return CheckResult.fail("Exercise 4.3", "look for the largest number off the diagonal of eval.confusionTable():"
                + " its row is the true digit, its column the predicted one");
    }
}
