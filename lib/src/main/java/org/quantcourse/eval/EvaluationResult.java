package org.quantcourse.eval;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * How well a classifier did on a labelled data set: its confusion matrix and mean cross-entropy, and everything
 * derived from them (accuracy, per-class accuracy, tables, a text summary). Immutable; made by {@link #of}. Labels
 * must be one-hot {@code [batch, classes]}. Used in notebooks 04, 05, 06.
 *
 * @param confusionMatrix {@code [true class][predicted class]} sample counts (copied in and out)
 * @param meanLoss        mean over samples of {@code −ln(max(p_true, Probabilities.EPSILON))}, in nats
 */
public record EvaluationResult(int[][] confusionMatrix, double meanLoss) {

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

    /** Checks the matrix is square and non-empty, and copies it. */
    public EvaluationResult {
        confusionMatrix = deepCopy(requireSquare(confusionMatrix));
    }

    /** A copy of the confusion matrix, rows = true class, columns = predicted class. Used in notebooks 04, 05. */
    @Override
    public int[][] confusionMatrix() {
        return deepCopy(confusionMatrix);
    }

    /** Number of classes. */
    public int classCount() {
        return confusionMatrix.length;
    }

    /** Number of samples evaluated. */
    public int sampleCount() {
        return Arrays.stream(confusionMatrix).flatMapToInt(Arrays::stream).sum();
    }

    /** Number of samples whose predicted class (arg-max) is the true class. */
    public int correctCount() {
        return IntStream.range(0, classCount()).map(c -> confusionMatrix[c][c]).sum();
    }

    /** Fraction of samples classified correctly. Used in notebooks 04, 05, 06. */
    public double accuracy() {
        return correctCount() / (double) sampleCount();
    }

    /** Fraction of the samples of class {@code c} classified as {@code c} (NaN if the class has no sample). */
    public double classAccuracy(int c) {
        if (c < 0 || c >= classCount()) {
            throw new IllegalArgumentException("class must be in 0.." + (classCount() - 1) + ", got " + c);
        }
        return confusionMatrix[c][c] / (double) Arrays.stream(confusionMatrix[c]).sum();
    }

    /** A table (class, count, correct, accuracy), one row per true class. Used in notebooks 04, 05. */
    public Table perClassAccuracy() {
        int[] classes = IntStream.range(0, classCount()).toArray();
        return Table.create("per-class accuracy",
                IntColumn.create("class", classes),
                IntColumn.create("count", Arrays.stream(confusionMatrix).mapToInt(r -> Arrays.stream(r).sum()).toArray()),
                IntColumn.create("correct", Arrays.stream(classes).map(c -> confusionMatrix[c][c]).toArray()),
                DoubleColumn.create("accuracy", Arrays.stream(classes).mapToDouble(this::classAccuracy).toArray()));
    }

    /** The confusion matrix as a table: column "true" then one column "pred_k" per predicted class. Used in notebooks 04, 05. */
    public Table confusionTable() {
        Table table = Table.create("confusion matrix (rows = true class, columns = predicted class)",
                IntColumn.create("true", IntStream.range(0, classCount()).toArray()));
        for (int k = 0; k < classCount(); k++) {
            int column = k;
            table.addColumns(IntColumn.create("pred_" + k,
                    Arrays.stream(confusionMatrix).mapToInt(row -> row[column]).toArray()));
        }
        return table;
    }

    /** A few lines of text: samples, accuracy, mean loss, per-class accuracy and the confusion matrix. Used in notebooks 04, 05. */
    public String summary() {
        return String.format(Locale.ROOT, "samples: %d, accuracy: %.2f%% (%d correct), mean cross-entropy: %.4f nats%n%s%n%s",
                sampleCount(), 100 * accuracy(), correctCount(), meanLoss, perClassAccuracy().print(), confusionTable().print());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvaluationResult that && Arrays.deepEquals(confusionMatrix, that.confusionMatrix)
                && Double.compare(meanLoss, that.meanLoss) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(confusionMatrix) + Double.hashCode(meanLoss);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EvaluationResult[samples=%d, accuracy=%.4f, meanLoss=%.4f]",
                sampleCount(), accuracy(), meanLoss);
    }

    private static int[][] requireSquare(int[][] matrix) {
        if (matrix == null || matrix.length == 0
                || Arrays.stream(matrix).anyMatch(row -> row == null || row.length != matrix.length)) {
            throw new IllegalArgumentException("the confusion matrix must be square [classes][classes] with classes >= 1");
        }
        return matrix;
    }

    private static int[][] deepCopy(int[][] matrix) {
        return Arrays.stream(matrix).map(int[]::clone).toArray(int[][]::new);
    }
}
