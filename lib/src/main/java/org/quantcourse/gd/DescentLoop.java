package org.quantcourse.gd;

import java.util.ArrayList;
import java.util.List;

/** The training loop shared by every optimizer: batches, gradients, updates, loss bookkeeping. */
final class DescentLoop {

    private final Optimizer optimizer;
    private final BinaryProblem data;
    private final StepObserver observer;
    private final UpdateRule rule;
    private final List<GradientDescentRun.Step> steps = new ArrayList<>();
    private int iteration;

    DescentLoop(Optimizer optimizer, BinaryProblem data, StepObserver observer) {
        if (data == null || observer == null) {
            throw new IllegalArgumentException("data and observer must not be null (use StepObserver.NONE)");
        }
        this.optimizer = optimizer;
        this.data = data;
        this.observer = observer;
        this.rule = optimizer.newUpdateRule();
    }

    GradientDescentRun run(LogisticRegression start, int epochs) {
        requireCompatible(start, epochs);
        List<Double> epochLosses = new ArrayList<>(List.of(start.loss(data)));
        LogisticRegression model = start;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int[] batch : optimizer.batches(data.sampleCount(), epoch)) {
                model = step(model, batch, epoch);
            }
            epochLosses.add(model.loss(data));
        }
        return new GradientDescentRun(optimizer.name(), steps, epochLosses, model);
    }

    private LogisticRegression step(LogisticRegression model, int[] batch, int epoch) {
        BinaryProblem batchData = data.rows(batch);
        double batchLoss = model.loss(batchData);
        double rate = optimizer.learningRate().valueAt(iteration, epoch);
        LogisticRegression next = model.withParams(
                model.params().subi(rule.update(model.gradient(batchData), iteration, epoch)));
        steps.add(new GradientDescentRun.Step(iteration, epoch, rate, batchLoss));
        observer.afterStep(iteration, epoch, batch, next);
        iteration++;
        return next;
    }

    private void requireCompatible(LogisticRegression start, int epochs) {
        if (start == null || start.dimension() != data.dimension()) {
            throw new IllegalArgumentException("the model must take " + data.dimension() + " features like the data, got "
                    + (start == null ? "null" : start.dimension() + " features"));
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
    }
}
