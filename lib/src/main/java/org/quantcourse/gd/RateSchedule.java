package org.quantcourse.gd;

/**
 * A learning rate that may change during training. Used in notebook 03.
 *
 * <p>Semantics match DL4J's {@code ISchedule.valueAt(iteration, epoch)}: {@code iteration} is the number of
 * parameter updates already made (0 for the first update) and {@code epoch} the number of complete passes
 * over the data already made (0 during the first pass).
 */
public interface RateSchedule {

    /** The learning rate for the update made after {@code iteration} updates and {@code epoch} epochs. */
    double valueAt(int iteration, int epoch);

    /** A constant learning rate. Used in notebook 03. */
    static RateSchedule constant(double rate) {
        return new ConstantRate(rate);
    }

    /** {@code initial · decayRate^floor(t / step)}, like DL4J's {@code StepSchedule}. Used in notebook 03. */
    static RateSchedule stepDecay(double initial, double decayRate, int step, ScheduleUnit unit) {
        return new StepDecay(initial, decayRate, step, unit);
    }

    /** {@code initial · gamma^t}, like DL4J's {@code ExponentialSchedule}. Used in notebook 03. */
    static RateSchedule exponentialDecay(double initial, double gamma, ScheduleUnit unit) {
        return new ExponentialDecay(initial, gamma, unit);
    }

    /** {@code initial / (1 + gamma·t)^power}, like DL4J's {@code InverseSchedule}. Used in notebook 03. */
    static RateSchedule inverseTimeDecay(double initial, double gamma, double power, ScheduleUnit unit) {
        return new InverseTimeDecay(initial, gamma, power, unit);
    }

    /** Half a cosine from {@code initial} down to {@code minimum} over {@code period} units, then flat. Used in notebook 03. */
    static RateSchedule cosineDecay(double initial, double minimum, int period, ScheduleUnit unit) {
        return new CosineDecay(initial, minimum, period, unit);
    }
}
