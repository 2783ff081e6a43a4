package org.quantcourse.gd;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Nesterov momentum in the form DL4J's {@code Nesterovs} updater uses: {@code v' = μ·v − η_t·g},
 * {@code update = μ·v − (1 + μ)·v'}, i.e. {@code params ← params + v' + μ·(v' − v)}.
 */
final class NesterovUpdate implements UpdateRule {

    private final RateSchedule learningRate;
    private final double momentum;
    private INDArray velocity;

    NesterovUpdate(RateSchedule learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public INDArray update(INDArray gradient, int iteration, int epoch) {
        INDArray previous = velocity == null ? gradient.like() : velocity;
        velocity = previous.mul(momentum).subi(gradient.mul(learningRate.valueAt(iteration, epoch)));
        return previous.mul(momentum).subi(velocity.mul(1 + momentum));
    }
}
