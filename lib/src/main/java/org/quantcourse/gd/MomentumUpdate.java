package org.quantcourse.gd;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Classical (heavy-ball) momentum: {@code v ← μ·v − η_t·g}, {@code params ← params + v}, so {@code update = −v}. */
final class MomentumUpdate implements UpdateRule {

    private final RateSchedule learningRate;
    private final double momentum;
    private INDArray velocity;

    MomentumUpdate(RateSchedule learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public INDArray update(INDArray gradient, int iteration, int epoch) {
        if (velocity == null) {
            velocity = gradient.like();
        }
        velocity = velocity.mul(momentum).subi(gradient.mul(learningRate.valueAt(iteration, epoch)));
        return velocity.neg();
    }
}
