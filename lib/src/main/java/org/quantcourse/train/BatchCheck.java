package org.quantcourse.train;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Checks that a batch fits the network: feature shape, one-hot labels of the right width (in the first
 * {@code classes} columns; a loss that is {@link AugmentedLabels} may append columns of its own).
 */
final class BatchCheck {

    /** How far a label row's sum may be from 1 (float rounding of smoothed labels). */
    static final double ROW_SUM_TOLERANCE = 1e-3;

    private final long[] perExample;
    private final long classes;
    private final long columns;

    BatchCheck(long[] perExample, long classes) {
        this(perExample, classes, classes);
    }

    BatchCheck(long[] perExample, long classes, long columns) {
        this.perExample = perExample;
        this.classes = classes;
        this.columns = columns;
    }

    /** Throws {@link IllegalArgumentException} naming the batch if its features or labels do not fit. */
    void check(DataSet batch, String where) {
        checkFeatures(batch.getFeatures(), where);
        checkLabels(batch.getLabels(), batch.getFeatures().size(0), where);
    }

    private void checkFeatures(INDArray features, String where) {
        long[] shape = features.shape();
        if (shape.length == perExample.length + 1 && Arrays.equals(perExample, 0, perExample.length, shape, 1,
                shape.length)) {
            return;
        }
        String expected = "[batch, " + join(perExample) + "]";
        long wanted = Arrays.stream(perExample).reduce(1, (a, b) -> a * b);
        String hint = features.length() == shape[0] * wanted
                ? " Reshape them, e.g. features.reshape(" + shape[0] + ", " + join(perExample) + ")."
                : " Images must be " + join(perExample).replace(", ", "×") + " (channels, height, width).";
        throw new IllegalArgumentException("Features of " + where + " have shape " + Arrays.toString(shape)
                + ", but the network expects " + expected + " (NCHW)." + hint);
    }

    private void checkLabels(INDArray labels, long rows, String where) {
        if (labels == null) {
            throw new IllegalArgumentException(where + " has no labels; the trainer needs one-hot labels [batch, "
                    + classes + "].");
        }
        long[] shape = labels.shape();
        if (columns != classes && shape.length == 2 && shape[0] == rows && shape[1] == columns) {
            checkLabelValues(labels.get(NDArrayIndex.all(), NDArrayIndex.interval(0, classes)), where);
            return;
        }
        if (shape.length != 2 || shape[0] != rows || shape[1] != classes) {
            throw new IllegalArgumentException("Labels of " + where + " have shape " + Arrays.toString(shape)
                    + ", but the network has " + classes + " outputs: labels must be one-hot, shape [" + rows + ", "
                    + classes + "]. Class indices 0–" + (classes - 1) + " can be converted with"
                    + " org.nd4j.linalg.util.FeatureUtil.toOutcomeMatrix(indices, " + classes + ").");
        }
        checkLabelValues(labels, where);
    }

    private void checkLabelValues(INDArray labels, String where) {
        double min = labels.minNumber().doubleValue();
        double max = labels.maxNumber().doubleValue();
        if (!(min >= 0 && max <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Labels of %s contain values outside"
                    + " [0, 1] (min %s, max %s): each row must be one-hot, a single 1 at the class index.",
                    where, min, max));
        }
        INDArray sums = labels.sum(1);
        double lowest = sums.minNumber().doubleValue();
        double highest = sums.maxNumber().doubleValue();
        if (Math.abs(lowest - 1) > ROW_SUM_TOLERANCE || Math.abs(highest - 1) > ROW_SUM_TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Label rows of %s sum to between %s and"
                    + " %s: each row must be one-hot (one 1, the rest 0), i.e. a class index in 0–%d.",
                    where, lowest, highest, classes - 1));
        }
    }

    private static String join(long[] values) {
        return String.join(", ", Arrays.stream(values).mapToObj(Long::toString).toArray(String[]::new));
    }
}
