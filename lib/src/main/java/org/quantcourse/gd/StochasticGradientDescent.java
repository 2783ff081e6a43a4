package org.quantcourse.gd;

import java.util.List;

/** Stochastic gradient descent: one update per sample, in a seeded shuffled order each epoch. Used in notebook 03. */
public record StochasticGradientDescent(RateSchedule learningRate, long seed) implements Optimizer {

    /** Checks the schedule. */
    public StochasticGradientDescent {
        SettingChecks.requireSchedule(learningRate);
    }

    /** SGD with a constant learning rate and a shuffling seed. Used in notebook 03. */
    public static StochasticGradientDescent of(double learningRate, long seed) {
        return new StochasticGradientDescent(RateSchedule.constant(learningRate), seed);
    }

    /** SGD with a learning-rate schedule and a shuffling seed. Used in notebook 03. */
    public static StochasticGradientDescent of(RateSchedule learningRate, long seed) {
        return new StochasticGradientDescent(learningRate, seed);
    }

    @Override
    public String name() {
        return "SGD";
    }

    @Override
    public List<int[]> batches(int sampleCount, int epoch) {
        return EpochBatches.forEpoch(sampleCount, 1, seed, epoch);
    }

    @Override
    public UpdateRule newUpdateRule() {
        return new PlainUpdate(learningRate);
    }
}
