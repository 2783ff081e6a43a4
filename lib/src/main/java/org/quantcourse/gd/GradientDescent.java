package org.quantcourse.gd;

import java.util.List;

/** Full-batch gradient descent: one update per epoch on the gradient of the whole data set. Used in notebook 03. */
public record GradientDescent(RateSchedule learningRate) implements Optimizer {

    /** Checks the schedule. */
    public GradientDescent {
        SettingChecks.requireSchedule(learningRate);
    }

    /** Full-batch gradient descent with a constant learning rate. Used in notebook 03. */
    public static GradientDescent of(double learningRate) {
        return new GradientDescent(RateSchedule.constant(learningRate));
    }

    /** Full-batch gradient descent with a learning-rate schedule. Used in notebook 03. */
    public static GradientDescent of(RateSchedule learningRate) {
        return new GradientDescent(learningRate);
    }

    @Override
    public String name() {
        return "gradient descent";
    }

    @Override
    public List<int[]> batches(int sampleCount, int epoch) {
        return EpochBatches.forEpoch(sampleCount, FULL_BATCH, 0L, epoch);
    }

    @Override
    public UpdateRule newUpdateRule() {
        return new PlainUpdate(learningRate);
    }
}
