package org.quantcourse.gd;

import java.util.List;

/**
 * Mini-batch gradient descent: a seeded shuffle each epoch cut into batches of {@code batchSize} (the last
 * one may be smaller). Used in notebook 03.
 */
public record MiniBatchGradientDescent(int batchSize, RateSchedule learningRate, long seed) implements Optimizer {

    /** Checks the batch size and schedule. */
    public MiniBatchGradientDescent {
        SettingChecks.requireBatchSize(batchSize);
        SettingChecks.requireSchedule(learningRate);
    }

    /** Mini-batch gradient descent with a constant learning rate. Used in notebook 03. */
    public static MiniBatchGradientDescent of(int batchSize, double learningRate, long seed) {
        return new MiniBatchGradientDescent(batchSize, RateSchedule.constant(learningRate), seed);
    }

    /** Mini-batch gradient descent with a learning-rate schedule. Used in notebook 03. */
    public static MiniBatchGradientDescent of(int batchSize, RateSchedule learningRate, long seed) {
        return new MiniBatchGradientDescent(batchSize, learningRate, seed);
    }

    @Override
    public String name() {
        return "mini-batch (" + batchSize + ")";
    }

    @Override
    public List<int[]> batches(int sampleCount, int epoch) {
        return EpochBatches.forEpoch(sampleCount, batchSize, seed, epoch);
    }

    @Override
    public UpdateRule newUpdateRule() {
        return new PlainUpdate(learningRate);
    }
}
