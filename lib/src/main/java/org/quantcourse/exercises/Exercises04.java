package org.quantcourse.exercises;

import java.util.Arrays;
import java.util.Random;
import org.quantcourse.course.CourseData;
import org.quantcourse.course.CourseModel;
import org.quantcourse.course.CourseSettings;
import org.quantcourse.eval.EvaluationResult;
import org.quantcourse.train.ArticleCnn;

/** Checks for the exercises of notebook 04 (train the CNN), judged under {@link Attempts}. */
public final class Exercises04 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    private Exercises04() {
    }

    /** One case of Exercise 4.4: true labels, predicted labels (same length) and the number of classes. */
    public record Predictions(int[] labels, int[] predicted, int classes) {
        @Override
        public String toString() {
            return "labels = " + Arrays.toString(labels) + ", predicted = " + Arrays.toString(predicted)
                    + ", classes = " + classes;
        }
    }

    /** Exercise 4.1: the number of parameters of conv2. */
    public static CheckResult conv2Parameters(long answer) {
        long expected = ArticleCnn.builder().build().getLayer(1).numParams();
        return attempts.number("Exercise 4.1", answer, expected, 0, Hints.of(
                "a convolution has a weight per filter, input channel and kernel position, and a bias per filter",
                "64 filters, each 3 × 3 × (the 32 input channels), plus one bias per filter"));
    }

    /** Exercise 4.2: weight updates per epoch with batches of 64 over the course's training images. */
    public static CheckResult updatesPerEpoch(long answer) {
        int images = CourseData.load().train().size();
        long expected = (images + CourseModel.BATCH_SIZE - 1) / CourseModel.BATCH_SIZE;
        return attempts.number("Exercise 4.2", answer, expected, 0, Hints.of(
                "one update per batch; how many training images does this notebook use (the knobs change it)?",
                "the training images divided by 64, and a last, smaller batch counts too"));
    }

    /** Exercise 4.3: the improved model's most frequent mistake, as (true digit, predicted digit). */
    public static CheckResult mostCommonMistake(int trueDigit, int predictedDigit) {
        EvaluationResult eval = EvaluationResult.of(CourseModel.trained().network(),
                CourseData.load().test().iterator(500, CourseSettings.seed()));
        return mostCommonMistake(eval.confusionMatrix(), trueDigit, predictedDigit);
    }

    /** The check of 4.3 on a confusion matrix (rows: true digit, columns: predicted digit). */
    static CheckResult mostCommonMistake(int[][] m, int trueDigit, int predictedDigit) {
        int best = largestOffDiagonal(m);
        boolean inRange = trueDigit >= 0 && trueDigit < m.length && predictedDigit >= 0 && predictedDigit < m.length;
        boolean right = inRange && trueDigit != predictedDigit && m[trueDigit][predictedDigit] == best;
        return attempts.judge("Exercise 4.3", right,
                () -> best + " test images of " + trueDigit + " were read as " + predictedDigit,
                "(" + trueDigit + ", " + predictedDigit + ") is not the most frequent mistake.", Hints.of(
                        "the heatmap's darkest cell off the diagonal",
                        "the largest number off the diagonal of eval.confusionTable(): its row is the true digit,"
                                + " its column the predicted one"));
    }

    private static int largestOffDiagonal(int[][] m) {
        int best = 0;
        for (int t = 0; t < m.length; t++) {
            for (int p = 0; p < m.length; p++) {
                best = t != p ? Math.max(best, m[t][p]) : best;
            }
        }
        return best;
    }

    /** Exercise 4.4: the student writes the confusion matrix, {@code m[true][predicted]}, from two label arrays. */
    public static CodingExercise<Predictions, int[][]> confusionMatrix() {
        return confusionMatrix(System.nanoTime());
    }

    static CodingExercise<Predictions, int[][]> confusionMatrix(long seed) {
        return CodingExercise.<Predictions, int[][]>named("Exercise 4.4")
                .input(Exercises04::randomPredictions, Predictions::toString)
                .reference(Exercises04::counted)
                .hints("a classes × classes table of counts, one count per (true, predicted) pair",
                        "new int[classes][classes], then m[labels[i]][predicted[i]]++ for every i: rows are the"
                                + " true class")
                .judgedBy(attempts, seed)
                .build();
    }

    private static Predictions randomPredictions(Random random) {
        int classes = 2 + random.nextInt(4);
        int n = 1 + random.nextInt(12);
        int[] labels = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            predicted[i] = random.nextInt(3) == 0 ? random.nextInt(classes) : labels[i];
        }
        return new Predictions(labels, predicted, classes);
    }

    private static int[][] counted(Predictions c) {
        int[][] m = new int[c.classes()][c.classes()];
        for (int i = 0; i < c.labels().length; i++) {
            m[c.labels()[i]][c.predicted()[i]]++;
        }
        return m;
    }

    /** Exercise 4.5: why the article's settings end lower than the improved ones after the same epochs. */
    public static ChoiceQuestion settingsQuestion() {
        return ChoiceQuestion.of("Exercise 4.5", 'A',
                "with η = 0.01 plain SGD takes small steps and is still descending when the epochs run out (look at"
                        + " its loss curve: still falling). Same network and data: Adam's per-parameter step sizes and"
                        + " the cosine decay get further in the same number of updates.",
                Hints.of("compare the two loss curves at the last epoch: is the article's still falling?",
                        "the network, data and epochs are the same; only the optimizer and its learning rate differ"))
                .judgedBy(attempts);
    }
}
