package org.quantcourse.gd;

import java.util.List;

/**
 * Momentum on seeded mini-batches ({@link Optimizer#FULL_BATCH} for full batch), in two forms that share the
 * velocity {@code v' = μ·v − η_t·g}: classical (heavy-ball), {@code params ← params + v'}, which DL4J has no
 * updater for; and Nesterov, {@code params ← params + v' + μ·(v' − v)}, exactly as DL4J's {@code Nesterovs}
 * updater. Used in notebook 03.
 */
public record Momentum(int batchSize, RateSchedule learningRate, double momentum, boolean nesterov, long seed)
        implements Optimizer {

    /** Checks the batch size, schedule and momentum (in [0, 1)). */
    public Momentum {
        SettingChecks.requireBatchSize(batchSize);
        SettingChecks.requireSchedule(learningRate);
        SettingChecks.requireMomentum(momentum);
    }

    /** Classical momentum with a constant learning rate. Used in notebook 03. */
    public static Momentum of(int batchSize, double learningRate, double momentum, long seed) {
        return of(batchSize, RateSchedule.constant(learningRate), momentum, seed);
    }

    /** Classical momentum with a learning-rate schedule. Used in notebook 03. */
    public static Momentum of(int batchSize, RateSchedule learningRate, double momentum, long seed) {
        return new Momentum(batchSize, learningRate, momentum, false, seed);
    }

    /** Nesterov momentum with a constant learning rate, as DL4J's {@code Nesterovs}. Used in notebook 03. */
    public static Momentum nesterov(int batchSize, double learningRate, double momentum, long seed) {
        return nesterov(batchSize, RateSchedule.constant(learningRate), momentum, seed);
    }

    /** Nesterov momentum with a learning-rate schedule. Used in notebook 03. */
    public static Momentum nesterov(int batchSize, RateSchedule learningRate, double momentum, long seed) {
        return new Momentum(batchSize, learningRate, momentum, true, seed);
    }

    @Override
    public String name() {
        String batch = batchSize == FULL_BATCH ? "full batch" : "batch " + batchSize;
        return (nesterov ? "Nesterov" : "momentum") + " (" + batch + ", μ=" + momentum + ")";
    }

    @Override
    public List<int[]> batches(int sampleCount, int epoch) {
        return EpochBatches.forEpoch(sampleCount, batchSize, seed, epoch);
    }

    @Override
    public UpdateRule newUpdateRule() {
        return new MomentumUpdate(learningRate, momentum, nesterov);
    }
}
