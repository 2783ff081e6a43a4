package org.quantcourse.train;

/** Told about a training run as it goes: after every batch, every epoch, and at the end. Used in notebook 04. */
public interface TrainingListener {

    /** After each training batch. */
    void onBatch(Progress progress);

    /** After each epoch, once its metrics are measured. */
    default void onEpoch(EpochResult result) {
    }

    /** When the run ends normally or because it was interrupted. */
    default void onEnd(TrainingHistory history) {
    }

    /** When the run stops with an exception (e.g. a diverged loss); the exception is rethrown afterwards. */
    default void onFailure(Throwable cause) {
    }
}
