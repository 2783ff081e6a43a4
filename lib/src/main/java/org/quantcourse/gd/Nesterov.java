package org.quantcourse.gd;

import java.util.List;

/**
 * Nesterov momentum on seeded mini-batches ({@link Optimizer#FULL_BATCH} for full batch), updating exactly as
 * DL4J's {@code Nesterovs} updater: {@code v' = μ·v − η_t·g}, {@code params ← params + v' + μ·(v' − v)}. Used in notebook 03.
 */
public record Nesterov(int batchSize, RateSchedule learningRate, double momentum, long seed) implements Optimizer {

    /** Checks the batch size, schedule and momentum (in [0, 1)). */
    public Nesterov {
        SettingChecks.requireBatchSize(batchSize);
        SettingChecks.requireSchedule(learningRate);
        SettingChecks.requireMomentum(momentum);
    }

    /** Nesterov with a constant learning rate. Used in notebook 03. */
    public static Nesterov of(int batchSize, double learningRate, double momentum, long seed) {
        return new Nesterov(batchSize, RateSchedule.constant(learningRate), momentum, seed);
    }

    /** Nesterov with a learning-rate schedule. Used in notebook 03. */
    public static Nesterov of(int batchSize, RateSchedule learningRate, double momentum, long seed) {
        return new Nesterov(batchSize, learningRate, momentum, seed);
    }

    @Override
    public String name() {
        String batch = batchSize == FULL_BATCH ? "full batch" : "batch " + batchSize;
        return "Nesterov (" + batch + ", μ=" + momentum + ")";
    }

    @Override
    public List<int[]> batches(int sampleCount, int epoch) {
        return EpochBatches.forEpoch(sampleCount, batchSize, seed, epoch);
    }

    @Override
    public UpdateRule newUpdateRule() {
        return new NesterovUpdate(learningRate, momentum);
    }
}
