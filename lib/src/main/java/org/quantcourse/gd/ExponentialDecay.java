package org.quantcourse.gd;

/**
 * Exponential decay {@code initial · gamma^t} where t counts {@code unit}s; the same values as DL4J's
 * {@code ExponentialSchedule}. Used in notebook 03.
 */
public record ExponentialDecay(double initial, double gamma, ScheduleUnit unit) implements RateSchedule {

    /** Checks that the rate is positive and {@code 0 < gamma <= 1}. */
    public ExponentialDecay {
        SettingChecks.requirePositiveRate(initial, "initial learning rate");
        if (!(gamma > 0 && gamma <= 1) || unit == null) {
            throw new IllegalArgumentException("exponential decay needs 0 < gamma <= 1 and a unit, got gamma="
                    + gamma + ", unit=" + unit);
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return initial * Math.pow(gamma, unit.select(iteration, epoch));
    }
}
