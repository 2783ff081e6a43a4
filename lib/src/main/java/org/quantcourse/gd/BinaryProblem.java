package org.quantcourse.gd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A two-class problem: FLOAT features {@code [n, d]} and 0/1 labels {@code [n, 1]}. Used in notebook 03.
 *
 * <p>Construct it with {@link #of}, {@link #gaussianBlobs} or {@link #fromDigits}; every factory copies
 * its input, so the problem never changes afterwards (do not mutate the arrays its accessors return).
 */
public record BinaryProblem(INDArray features, INDArray labels) {

    /** Checks shapes and label values; prefer the {@link #of} factory, which also copies and casts. */
    public BinaryProblem {
        requireMatrix(features, "features");
        if (features.rows() == 0) {
            throw new IllegalArgumentException("a binary problem needs at least one sample, got 0 rows");
        }
        requireLabelColumn(labels, features.rows());
        requireZeroOne(labels);
    }

    /** Builds a problem from features {@code [n, d]} and labels {@code [n]} or {@code [n, 1]} of 0/1. Used in notebook 03. */
    public static BinaryProblem of(INDArray features, INDArray labels) {
        if (features == null || labels == null) {
            throw new IllegalArgumentException("features and labels must not be null");
        }
        INDArray column = labels.rank() == 1 ? labels.reshape(labels.length(), 1) : labels;
        return new BinaryProblem(features.castTo(DataType.FLOAT).dup(), column.castTo(DataType.FLOAT).dup());
    }

    /**
     * Two seeded Gaussian blobs in {@code dimension}-D with unit variance, their means {@code separation}
     * apart along the diagonal; class 0 first, then class 1. Used in notebook 03.
     */
    public static BinaryProblem gaussianBlobs(int samplesPerClass, int dimension, double separation, long seed) {
        if (samplesPerClass < 1 || dimension < 1) {
            throw new IllegalArgumentException("need samplesPerClass >= 1 and dimension >= 1, got "
                    + samplesPerClass + " and " + dimension);
        }
        Random random = new Random(seed);
        double offset = separation / 2 / Math.sqrt(dimension);
        float[][] x = new float[2 * samplesPerClass][];
        for (int i = 0; i < x.length; i++) {
            x[i] = gaussianPoint(dimension, i < samplesPerClass ? -offset : offset, random);
        }
        float[] y = new float[2 * samplesPerClass];
        Arrays.fill(y, samplesPerClass, y.length, 1f);
        return of(Nd4j.create(x), Nd4j.create(y, new long[] {y.length, 1}, DataType.FLOAT));
    }

    /**
     * Keeps the samples of two digits from a one-hot classification iterator, flattens their features to
     * {@code [n, pixels]} and labels {@code positiveDigit} as 1, {@code negativeDigit} as 0. Used in notebook 03.
     */
    public static BinaryProblem fromDigits(DataSetIterator data, int positiveDigit, int negativeDigit) {
        if (positiveDigit == negativeDigit || positiveDigit < 0 || negativeDigit < 0) {
            throw new IllegalArgumentException("need two different non-negative digits, got "
                    + positiveDigit + " and " + negativeDigit);
        }
        List<INDArray> rows = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        if (data.resetSupported()) {
            data.reset();
        }
        while (data.hasNext()) {
            collectDigits(data.next(), positiveDigit, negativeDigit, rows, labels);
        }
        return fromRows(rows, labels, "the iterator holds no sample of digit " + positiveDigit + " or " + negativeDigit);
    }

    /** Number of samples n. */
    public int sampleCount() {
        return (int) features.rows();
    }

    /** Number of features d. */
    public int dimension() {
        return (int) features.columns();
    }

    /** The sub-problem made of the given sample indices, in that order. */
    public BinaryProblem rows(int... indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a sub-problem needs at least one sample index");
        }
        return new BinaryProblem(features.getRows(indices), labels.getRows(indices));
    }

    private static float[] gaussianPoint(int dimension, double mean, Random random) {
        float[] point = new float[dimension];
        for (int j = 0; j < dimension; j++) {
            point[j] = (float) (mean + random.nextGaussian());
        }
        return point;
    }

    private static BinaryProblem fromRows(List<INDArray> rows, List<Float> labels, String whenEmpty) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(whenEmpty);
        }
        float[] y = new float[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        return of(Nd4j.vstack(rows), Nd4j.create(y, new long[] {y.length, 1}, DataType.FLOAT));
    }

    private static void collectDigits(DataSet batch, int positive, int negative,
                                      List<INDArray> rows, List<Float> labels) {
        INDArray features = batch.getFeatures();
        INDArray flat = features.reshape('c', features.size(0), features.length() / features.size(0));
        int[] digits = Nd4j.argMax(batch.getLabels(), 1).toIntVector();
        for (int i = 0; i < digits.length; i++) {
            if (digits[i] == positive || digits[i] == negative) {
                rows.add(flat.getRow(i, true).castTo(DataType.FLOAT).dup());
                labels.add(digits[i] == positive ? 1f : 0f);
            }
        }
    }

    private static void requireMatrix(INDArray features, String name) {
        if (features == null || features.rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix [samples, features], got "
                    + (features == null ? "null" : "shape " + Arrays.toString(features.shape())));
        }
    }

    private static void requireLabelColumn(INDArray labels, long rows) {
        if (labels == null || labels.rank() != 2 || labels.columns() != 1 || labels.rows() != rows) {
            throw new IllegalArgumentException("labels must have shape [" + rows + ", 1] (one 0/1 label per "
                    + "feature row), got " + (labels == null ? "null" : Arrays.toString(labels.shape())));
        }
    }

    private static void requireZeroOne(INDArray labels) {
        INDArray notBinary = labels.neq(0).castTo(DataType.FLOAT).muli(labels.neq(1).castTo(DataType.FLOAT));
        long bad = notBinary.sumNumber().longValue();
        if (bad > 0) {
            throw new IllegalArgumentException("binary labels must be 0 or 1; found " + bad
                    + " other value(s), e.g. " + labels.getDouble(firstNonZero(notBinary)));
        }
    }

    private static long firstNonZero(INDArray mask) {
        return Nd4j.argMax(mask.reshape(mask.length())).getLong(0);
    }
}
