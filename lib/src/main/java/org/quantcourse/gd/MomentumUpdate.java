package org.quantcourse.gd;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The velocity {@code v' = μ·v − η_t·g} and the update it gives (subtracted from the parameters): classical
 * momentum {@code update = −v'}; Nesterov, in the form of DL4J's {@code Nesterovs}, {@code update = μ·v − (1 + μ)·v'}.
 */
final class MomentumUpdate implements UpdateRule {

    private final RateSchedule learningRate;
    private final double momentum;
    private final boolean nesterov;
    private INDArray velocity;

    MomentumUpdate(RateSchedule learningRate, double momentum, boolean nesterov) {
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    public INDArray update(INDArray gradient, int iteration, int epoch) {
        INDArray previous = velocity == null ? gradient.like() : velocity;
        velocity = previous.mul(momentum).subi(gradient.mul(learningRate.valueAt(iteration, epoch)));
        return nesterov ? previous.mul(momentum).subi(velocity.mul(1 + momentum)) : velocity.neg();
    }
}
