package org.quantcourse.gd;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The result of a gradient-descent run: the loss of every step, the full-data loss after every epoch and the
 * final model. Used in notebook 03.
 *
 * @param optimizer   the optimizer's name
 * @param steps       one entry per parameter update, in order
 * @param epochLosses the mean loss on the whole data set before training (index 0) and after each epoch
 * @param finalModel  the model after the last update
 */
public record GradientDescentRun(String optimizer, List<Step> steps, List<Double> epochLosses,
                                 LogisticRegression finalModel) {

    /** One parameter update: its 0-based number, epoch, learning rate and the loss of its batch before the update. */
    public record Step(int iteration, int epoch, double learningRate, double batchLoss) {
    }

    /** Copies the lists so the run cannot change afterwards. */
    public GradientDescentRun {
        steps = List.copyOf(steps);
        epochLosses = List.copyOf(epochLosses);
    }

    /** The full-data loss after the last epoch. Used in notebook 03. */
    public double finalLoss() {
        return epochLosses.get(epochLosses.size() - 1);
    }

    /** A table (optimizer, step, epoch, learning_rate, batch_loss) with one row per update, for plotting. Used in notebook 03. */
    public Table stepTable() {
        return Table.create(optimizer + " steps",
                StringColumn.create("optimizer", steps.stream().map(s -> optimizer)),
                IntColumn.create("step", steps.stream().mapToInt(Step::iteration).toArray()),
                IntColumn.create("epoch", steps.stream().mapToInt(Step::epoch).toArray()),
                DoubleColumn.create("learning_rate", steps.stream().mapToDouble(Step::learningRate).toArray()),
                DoubleColumn.create("batch_loss", steps.stream().mapToDouble(Step::batchLoss).toArray()));
    }

    /** A table (optimizer, epoch, loss) with the full-data loss before training (epoch 0) and after each epoch. Used in notebook 03. */
    public Table epochTable() {
        int[] epochs = java.util.stream.IntStream.range(0, epochLosses.size()).toArray();
        return Table.create(optimizer + " epochs",
                StringColumn.create("optimizer", epochLosses.stream().map(l -> optimizer)),
                IntColumn.create("epoch", epochs),
                DoubleColumn.create("loss", epochLosses.stream().mapToDouble(Double::doubleValue).toArray()));
    }
}
