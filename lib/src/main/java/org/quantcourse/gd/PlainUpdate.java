package org.quantcourse.gd;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Plain gradient descent: {@code update = η_t · g}, like DL4J's {@code Sgd} updater. */
final class PlainUpdate implements UpdateRule {

    private final RateSchedule learningRate;

    PlainUpdate(RateSchedule learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public INDArray update(INDArray gradient, int iteration, int epoch) {
        return gradient.mul(learningRate.valueAt(iteration, epoch));
    }
}
