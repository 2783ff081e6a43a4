package org.quantcourse.gd;

import java.util.List;

/**
 * Classical (heavy-ball) momentum: {@code v ← μ·v − η_t·g}, {@code params ← params + v}, on seeded mini-batches
 * ({@link Optimizer#FULL_BATCH} for full batch). DL4J has no such updater. Used in notebook 03.
 */
public record Momentum(int batchSize, RateSchedule learningRate, double momentum, long seed) implements Optimizer {

    /** Checks the batch size, schedule and momentum (in [0, 1)). */
    public Momentum {
        SettingChecks.requireBatchSize(batchSize);
        SettingChecks.requireSchedule(learningRate);
        SettingChecks.requireMomentum(momentum);
    }

    /** Momentum with a constant learning rate. Used in notebook 03. */
    public static Momentum of(int batchSize, double learningRate, double momentum, long seed) {
        return new Momentum(batchSize, RateSchedule.constant(learningRate), momentum, seed);
    }

    /** Momentum with a learning-rate schedule. Used in notebook 03. */
    public static Momentum of(int batchSize, RateSchedule learningRate, double momentum, long seed) {
        return new Momentum(batchSize, learningRate, momentum, seed);
    }

    @Override
    public String name() {
        String batch = batchSize == FULL_BATCH ? "full batch" : "batch " + batchSize;
        return "momentum (" + batch + ", μ=" + momentum + ")";
    }

    @Override
    public List<int[]> batches(int sampleCount, int epoch) {
        return EpochBatches.forEpoch(sampleCount, batchSize, seed, epoch);
    }

    @Override
    public UpdateRule newUpdateRule() {
        return new MomentumUpdate(learningRate, momentum);
    }
}
