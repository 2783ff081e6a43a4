package org.quantcourse.gd;

/**
 * Step decay {@code initial · decayRate^floor(t / step)} where t counts {@code unit}s; the same values as
 * DL4J's {@code StepSchedule}. Used in notebook 03.
 */
public record StepDecay(double initial, double decayRate, int step, ScheduleUnit unit) implements RateSchedule {

    /** Checks that the rates are positive, the decay rate at most 1 and the step at least 1. */
    public StepDecay {
        SettingChecks.requirePositiveRate(initial, "initial learning rate");
        if (!(decayRate > 0 && decayRate <= 1) || step < 1 || unit == null) {
            throw new IllegalArgumentException("step decay needs 0 < decayRate <= 1, step >= 1 and a unit, got decayRate="
                    + decayRate + ", step=" + step + ", unit=" + unit);
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return initial * Math.pow(decayRate, Math.floor(unit.select(iteration, epoch) / (double) step));
    }
}
