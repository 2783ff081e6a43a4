package org.quantcourse.train;

import java.util.Locale;

/** Thrown when the training loss becomes NaN or infinite; names the epoch and batch (1-based) and a remedy. */
public final class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;

    TrainingDivergedException(int epoch, int batch, double loss, double learningRate) {
        super(String.format(Locale.ROOT, "Training diverged: the loss became %s at epoch %d, batch %d (learning rate"
                + " %.4g). The network's weights are no longer usable: rebuild it and try a lower learning rate,"
                + " e.g. %.4g, or a schedule that lowers it.", loss, epoch, batch, learningRate, learningRate / 10));
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epoch (1-based) in which the loss stopped being finite. */
    public int epoch() {
        return epoch;
    }

    /** The batch (1-based, within the epoch) whose loss was not finite. */
    public int batch() {
        return batch;
    }
}
