package org.quantcourse.gd;

/** The argument checks shared by the optimizers and schedules of this package. */
final class SettingChecks {

    private SettingChecks() {
    }

    /** Rejects a learning rate that is not a positive finite number. */
    static void requirePositiveRate(double rate, String name) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + rate);
        }
    }

    /** Rejects a batch size below 1. */
    static void requireBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1 (or Optimizer.FULL_BATCH), got " + batchSize);
        }
    }

    /** Rejects a momentum outside [0, 1). */
    static void requireMomentum(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    /** Rejects a missing schedule. */
    static void requireSchedule(RateSchedule learningRate) {
        if (learningRate == null) {
            throw new IllegalArgumentException("learning-rate schedule must not be null");
        }
    }
}
