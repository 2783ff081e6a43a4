package org.quantcourse.eval;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Anything that maps a batch of features to class probabilities {@code [batch, classes]} (rows summing to 1),
 * e.g. a trained network or a compressed copy of it. Used in notebooks 04, 05, 06.
 */
@FunctionalInterface
public interface Predictor {

    /**
     * Rows an evaluation hands to a predictor at once ({@code EvaluationResult}, {@code ModelComparison}, the
     * trainer's test accuracy): the course CNN's conv2 activations of 128 images stay in the CPU's caches, which
     * measured 1.6× the throughput of batches of 500 and 2× that of 2,000 on one core.
     */
    int CHUNK_ROWS = 128;

    /** The class probabilities for each row of {@code features}, as {@code [batch, classes]}. */
    INDArray probabilities(INDArray features);

    /**
     * The predictor of a network whose output layer is a softmax: its inference-mode output. A feature batch the
     * network cannot take becomes an {@link IllegalArgumentException} naming the shape. Used in notebooks 04, 05, 06.
     */
    static Predictor of(MultiLayerNetwork network) {
        if (network == null) {
            throw new IllegalArgumentException("network must not be null");
        }
        return features -> {
            try {
                return network.output(features, false);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the network cannot take features of shape "
                        + Arrays.toString(features.shape()) + " (check the input shape the network was built for): "
                        + e.getMessage(), e);
            }
        };
    }
}
