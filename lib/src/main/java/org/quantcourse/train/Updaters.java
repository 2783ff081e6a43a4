package org.quantcourse.train;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/** The optimisers the course compares: plain SGD (the article's), SGD with momentum, Adam. Used in notebook 04. */
public final class Updaters {

    private Updaters() {
    }

    /** Plain stochastic gradient descent: {@code w -= rate · gradient}. */
    public static IUpdater sgd(double rate) {
        return new Sgd(checkedRate(rate));
    }

    /** SGD with (Nesterov) momentum, e.g. {@code momentum(0.01, 0.9)}. */
    public static IUpdater momentum(double rate, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Momentum must be in [0, 1), got " + momentum + "; 0.9 is usual.");
        }
        return new Nesterovs(checkedRate(rate), momentum);
    }

    /** Adam with the usual betas (0.9, 0.999), e.g. {@code adam(0.001)}. */
    public static IUpdater adam(double rate) {
        return new Adam(checkedRate(rate));
    }

    static double checkedRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("Learning rate must be a positive finite number, got " + rate
                    + "; the article uses 0.01.");
        }
        return rate;
    }
}
