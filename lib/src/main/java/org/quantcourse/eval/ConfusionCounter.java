package org.quantcourse.eval;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Accumulates a confusion matrix and the summed cross-entropy over batches of predictions. */
final class ConfusionCounter {

    private int[][] counts;
    private double lossSum;
    private long samples;

    /** Adds a batch of probabilities {@code [b, C]} and one-hot labels {@code [b, C]}. */
    void add(INDArray probabilities, INDArray labels) {
        if (labels.size(0) == 0) {
            return;
        }
        INDArray p = Probabilities.requireRows(probabilities, labels.size(0), "the model's predictions");
        INDArray y = OneHotLabels.require(labels, p.rows(), p.columns());
        startOrCheckClasses((int) p.columns());
        count(Probabilities.argMaxRows(y), Probabilities.argMaxRows(p));
        lossSum -= Probabilities.clippedLog(p).muli(y).sumNumber().doubleValue();
        samples += p.rows();
    }

    /** The result so far; fails if no sample was added. */
    EvaluationResult result() {
        DataPass.requireSamples(samples);
        return new EvaluationResult(counts, lossSum / samples);
    }

    private void startOrCheckClasses(int classes) {
        if (counts == null) {
            counts = new int[classes][classes];
        } else if (counts.length != classes) {
            throw new IllegalArgumentException("batches disagree on the number of classes: " + counts.length
                    + " then " + classes);
        }
    }

    private void count(int[] truth, int[] predicted) {
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
    }
}
