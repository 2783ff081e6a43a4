package org.quantcourse.train;

/**
 * The learning rate per epoch (the article's "dynamic learning rate"): constant, step, exponential or cosine.
 * The trainer sets it at the start of every epoch. Used in notebook 04.
 */
public sealed interface EpochSchedule {

    /** The learning rate for {@code epoch} (0-based) of a run of {@code epochs} epochs. */
    double rate(int epoch, int epochs);

    /** The same rate every epoch. */
    static EpochSchedule constant(double rate) {
        return new Constant(Updaters.checkedRate(rate));
    }

    /** {@code initial · factor^⌊epoch / every⌋}, e.g. {@code step(0.01, 0.5, 3)} halves it every 3 epochs. */
    static EpochSchedule step(double initial, double factor, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("Step length must be at least 1 epoch, got " + every + ".");
        }
        return new Step(Updaters.checkedRate(initial), checkedFactor(factor), every);
    }

    /** {@code initial · gamma^epoch}, e.g. {@code exponential(0.01, 0.9)}. */
    static EpochSchedule exponential(double initial, double gamma) {
        return new Exponential(Updaters.checkedRate(initial), checkedFactor(gamma));
    }

    /** Half a cosine from {@code initial} at the first epoch down towards {@code minimum} after the last. */
    static EpochSchedule cosine(double initial, double minimum) {
        if (!(minimum >= 0 && minimum < initial)) {
            throw new IllegalArgumentException("Cosine minimum must be in [0, initial), got " + minimum
                    + " for initial " + initial + ".");
        }
        return new Cosine(Updaters.checkedRate(initial), minimum);
    }

    private static double checkedFactor(double factor) {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("Decay factor must be in (0, 1], got " + factor + "; 0.5 or 0.9 are usual.");
        }
        return factor;
    }

    /** A constant learning rate. */
    record Constant(double value) implements EpochSchedule {
        @Override
        public double rate(int epoch, int epochs) {
            return value;
        }
    }

    /** Multiplied by {@code factor} every {@code every} epochs. */
    record Step(double initial, double factor, int every) implements EpochSchedule {
        @Override
        public double rate(int epoch, int epochs) {
            return initial * Math.pow(factor, epoch / every);
        }
    }

    /** Multiplied by {@code gamma} every epoch. */
    record Exponential(double initial, double gamma) implements EpochSchedule {
        @Override
        public double rate(int epoch, int epochs) {
            return initial * Math.pow(gamma, epoch);
        }
    }

    /** Cosine annealing from {@code initial} towards {@code minimum}. */
    record Cosine(double initial, double minimum) implements EpochSchedule {
        @Override
        public double rate(int epoch, int epochs) {
            double fraction = epochs <= 1 ? 0 : (double) epoch / epochs;
            return minimum + (initial - minimum) * (1 + Math.cos(Math.PI * fraction)) / 2;
        }
    }
}
