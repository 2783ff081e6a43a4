package org.quantcourse.eval;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Evaluates a classifier on labelled data: accuracy, mean cross-entropy, per-class accuracy and confusion
 * matrix. Labels must be one-hot {@code [batch, classes]}. Used in notebooks 04, 05, 06.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** Evaluates a softmax network on every batch of {@code data} (reset first if possible). Used in notebooks 04, 05, 06. */
    public static EvaluationResult of(MultiLayerNetwork network, DataSetIterator data) {
        return of(Predictor.of(network), data);
    }

    /** Evaluates any probability-producing predictor on every batch of {@code data}. Used in notebooks 05, 06. */
    public static EvaluationResult of(Predictor predictor, DataSetIterator data) {
        if (predictor == null) {
            throw new IllegalArgumentException("predictor must not be null");
        }
        ConfusionCounter counter = new ConfusionCounter();
        DataPass.forEach(data, batch -> counter.add(predictor.probabilities(batch.getFeatures()), batch.getLabels()));
        return counter.result();
    }

    /** Evaluates given probabilities {@code [n, classes]} against one-hot labels {@code [n, classes]}. */
    public static EvaluationResult fromPredictions(INDArray probabilities, INDArray labels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        ConfusionCounter counter = new ConfusionCounter();
        counter.add(probabilities, labels);
        return counter.result();
    }
}
