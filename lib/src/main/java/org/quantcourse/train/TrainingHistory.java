package org.quantcourse.train;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Per-epoch metrics of a training run as a Tablesaw table (one row per finished epoch), and whether the run was
 * interrupted before its last planned epoch. Used in notebook 04.
 */
public record TrainingHistory(Table table, int plannedEpochs, boolean interrupted) {

    /** Column names of {@link #table()}; the accuracy columns exist only when measured. */
    public static final String EPOCH = "epoch", LOSS = "loss", TRAIN_ACCURACY = "train accuracy",
            TEST_ACCURACY = "test accuracy", LEARNING_RATE = "learning rate", SECONDS = "seconds",
            IMAGES_PER_SECOND = "images per second";

    /** A history from epoch results; the accuracy columns are added when {@code withTrain}/{@code withTest}. */
    public static TrainingHistory of(List<EpochResult> results, int plannedEpochs, boolean interrupted,
            boolean withTrain, boolean withTest) {
        Table table = Table.create("Training history", IntColumn.create(EPOCH), DoubleColumn.create(LOSS));
        if (withTrain) {
            table.addColumns(DoubleColumn.create(TRAIN_ACCURACY));
        }
        if (withTest) {
            table.addColumns(DoubleColumn.create(TEST_ACCURACY));
        }
        table.addColumns(DoubleColumn.create(LEARNING_RATE), DoubleColumn.create(SECONDS),
                DoubleColumn.create(IMAGES_PER_SECOND));
        results.forEach(r -> append(table, r));
        return new TrainingHistory(table, plannedEpochs, interrupted);
    }

    /** Number of epochs that finished. */
    public int completedEpochs() {
        return table.rowCount();
    }

    /** Mean training loss of the last finished epoch, or NaN if none finished. */
    public double finalLoss() {
        return last(LOSS);
    }

    /** Test accuracy after the last finished epoch, or NaN if not measured. */
    public double finalTestAccuracy() {
        return table.containsColumn(TEST_ACCURACY) ? last(TEST_ACCURACY) : Double.NaN;
    }

    /** Total training time in seconds. */
    public double totalSeconds() {
        return table.doubleColumn(SECONDS).sum();
    }

    /** One line: epochs done, time, final loss and test accuracy. */
    public String summary() {
        if (completedEpochs() == 0) {
            return (interrupted ? "interrupted" : "stopped") + " before the first of " + plannedEpochs
                    + " epochs finished";
        }
        String state = interrupted ? "interrupted after" : "trained";
        String line = String.format(Locale.ROOT, "%s %d/%d epochs in %s · final loss %.4f", state,
                completedEpochs(), plannedEpochs, Progress.duration(totalSeconds()), finalLoss());
        double accuracy = finalTestAccuracy();
        return Double.isNaN(accuracy) ? line : line + String.format(Locale.ROOT, " · test acc %.2f%%", 100 * accuracy);
    }

    /** The message of a failure, or its type when it has none (e.g. a stopped thread). */
    static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private double last(String column) {
        return table.rowCount() == 0 ? Double.NaN : table.doubleColumn(column).get(table.rowCount() - 1);
    }

    private static void append(Table table, EpochResult r) {
        table.intColumn(EPOCH).append(r.epoch());
        table.doubleColumn(LOSS).append(r.loss());
        if (table.containsColumn(TRAIN_ACCURACY)) {
            table.doubleColumn(TRAIN_ACCURACY).append(r.trainAccuracy());
        }
        if (table.containsColumn(TEST_ACCURACY)) {
            table.doubleColumn(TEST_ACCURACY).append(r.testAccuracy());
        }
        table.doubleColumn(LEARNING_RATE).append(r.learningRate());
        table.doubleColumn(SECONDS).append(r.seconds());
        table.doubleColumn(IMAGES_PER_SECOND).append(r.imagesPerSecond());
    }
}
