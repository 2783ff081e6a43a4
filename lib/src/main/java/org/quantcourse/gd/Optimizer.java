package org.quantcourse.gd;

import java.util.List;

/**
 * A gradient-descent method: which samples make each step's batch, and how a gradient becomes an update.
 * Used in notebook 03.
 */
public interface Optimizer {

    /** A batch size meaning "all samples in one batch" (full-batch gradient descent, no shuffling). */
    int FULL_BATCH = Integer.MAX_VALUE;

    /** A short human-readable name, used in loss-curve tables. */
    String name();

    /** The learning-rate schedule. */
    RateSchedule learningRate();

    /** The sample indices of each step of {@code epoch} (0-based) for a problem of {@code sampleCount} samples. */
    List<int[]> batches(int sampleCount, int epoch);

    /** A fresh update rule (zero velocity); {@link #run} makes one per run, so runs never share state. */
    UpdateRule newUpdateRule();

    /** Trains a copy of {@code start} for {@code epochs} passes over {@code data}. Used in notebook 03. */
    default GradientDescentRun run(LogisticRegression start, BinaryProblem data, int epochs) {
        return run(start, data, epochs, StepObserver.NONE);
    }

    /** Like {@link #run(LogisticRegression, BinaryProblem, int)}, calling {@code observer} after every update. */
    default GradientDescentRun run(LogisticRegression start, BinaryProblem data, int epochs, StepObserver observer) {
        return new DescentLoop(this, data, observer).run(start, epochs);
    }
}
