package org.quantcourse.gd;

/** A learning rate that never changes. Used in notebook 03. */
public record ConstantRate(double rate) implements RateSchedule {

    /** Checks that the rate is positive and finite. */
    public ConstantRate {
        SettingChecks.requirePositiveRate(rate, "learning rate");
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return rate;
    }
}
