package org.quantcourse.gd;

/**
 * Inverse-time decay {@code initial / (1 + gamma·t)^power} where t counts {@code unit}s; the same values as
 * DL4J's {@code InverseSchedule}. Used in notebook 03.
 */
public record InverseTimeDecay(double initial, double gamma, double power, ScheduleUnit unit)
        implements RateSchedule {

    /** Checks that the rate is positive and gamma and power are non-negative. */
    public InverseTimeDecay {
        SettingChecks.requirePositiveRate(initial, "initial learning rate");
        if (!(gamma >= 0) || !(power >= 0) || unit == null) {
            throw new IllegalArgumentException("inverse-time decay needs gamma >= 0, power >= 0 and a unit, got gamma="
                    + gamma + ", power=" + power + ", unit=" + unit);
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return initial / Math.pow(1 + gamma * unit.select(iteration, epoch), power);
    }
}
