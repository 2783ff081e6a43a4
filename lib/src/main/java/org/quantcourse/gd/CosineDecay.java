package org.quantcourse.gd;

/**
 * Cosine decay {@code minimum + (initial − minimum)·(1 + cos(π·min(t, period)/period))/2} where t counts
 * {@code unit}s: starts at {@code initial}, reaches {@code minimum} at t = period and stays there. DL4J 1.0.0-M2.1
 * has no equivalent schedule. Used in notebook 03.
 */
public record CosineDecay(double initial, double minimum, int period, ScheduleUnit unit) implements RateSchedule {

    /** Checks {@code 0 <= minimum <= initial}, {@code initial > 0} and {@code period >= 1}. */
    public CosineDecay {
        SettingChecks.requirePositiveRate(initial, "initial learning rate");
        if (!(minimum >= 0 && minimum <= initial) || period < 1 || unit == null) {
            throw new IllegalArgumentException("cosine decay needs 0 <= minimum <= initial, period >= 1 and a unit, got minimum="
                    + minimum + ", initial=" + initial + ", period=" + period + ", unit=" + unit);
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double progress = Math.min(unit.select(iteration, epoch), period) / (double) period;
        return minimum + (initial - minimum) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
