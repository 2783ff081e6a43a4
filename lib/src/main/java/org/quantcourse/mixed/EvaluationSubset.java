package org.quantcourse.mixed;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.quantcourse.data.ImageDataset;
import org.quantcourse.eval.EvaluationResult;
import org.quantcourse.eval.Predictor;

/**
 * A fixed set of test images and labels, held in memory in a fixed order, so that the outputs of two models can be
 * compared example by example (SQNR) and each of many models is evaluated on exactly the same examples. Used in
 * notebook 14.
 *
 * @param features images {@code [n, 1, rows, cols]}
 * @param labels one-hot labels {@code [n, classes]}
 */
public record EvaluationSubset(INDArray features, INDArray labels) {
    private static final int BATCH = 500;

    /** Checks that features and labels have the same number of rows. */
    public EvaluationSubset {
        if (features == null || labels == null || features.size(0) != labels.size(0) || features.size(0) == 0) {
            throw new IllegalArgumentException("need as many feature rows as label rows, at least one");
        }
    }

    /** The first {@code n} images of {@code test} (all of them when it has fewer; 0 = all). */
    public static EvaluationSubset of(ImageDataset test, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("subset size must be >= 0 (0 = all), got " + n);
        }
        ImageDataset limited = n == 0 || n >= test.size() ? test : test.limit(n);
        return new EvaluationSubset(limited.features(), limited.labelsOneHot());
    }

    /** Number of examples. */
    public int size() {
        return (int) features.size(0);
    }

    /** The predictor's probabilities for every example, in order (batches of 500). */
    public INDArray probabilities(Predictor predictor) {
        List<INDArray> parts = new ArrayList<>();
        for (int start = 0; start < size(); start += BATCH) {
            INDArray batch = features.get(NDArrayIndex.interval(start, Math.min(size(), start + BATCH)));
            parts.add(predictor.probabilities(batch));
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.vstack(parts);
    }

    /** The predictor's accuracy on these examples. */
    public double accuracy(Predictor predictor) {
        return accuracyOf(probabilities(predictor));
    }

    /** The accuracy of given probabilities against these labels. */
    public double accuracyOf(INDArray probabilities) {
        return EvaluationResult.fromPredictions(probabilities, labels).accuracy();
    }
}
