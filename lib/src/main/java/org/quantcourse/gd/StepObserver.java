package org.quantcourse.gd;

/** Called after every parameter update of a gradient-descent run, e.g. to record the path of the weights. */
@FunctionalInterface
public interface StepObserver {

    /** An observer that does nothing. */
    StepObserver NONE = (iteration, epoch, batch, model) -> { };

    /** Receives the update count (0-based), the epoch, the sample indices of the batch and the updated model. */
    void afterStep(int iteration, int epoch, int[] batch, LogisticRegression model);
}
