package org.quantcourse.eval;

import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How far a candidate (e.g. compressed) model's predictions are from a reference (original) model's on the same
 * data. Used in notebooks 04, 05, 06.
 *
 * <p>With {@code p} the reference probabilities and {@code q} the candidate's for a sample, both raised to at
 * least {@link Probabilities#EPSILON} inside logarithms, {@code N} samples and {@code C} classes:
 * <ul>
 *   <li>{@code articleLoss} — the article's §3.3.1 "average per-sample loss between the original model's
 *       predictions and the compressed model's", read as cross-entropy with the original's prediction as the
 *       target: {@code (1/N) Σ_n −Σ_k p_k ln q_k}. It is not 0 for identical models: it equals
 *       {@code klDivergence + referenceEntropy}.</li>
 *   <li>{@code meanSquaredError} — the other reading of "loss between predictions":
 *       {@code (1/(N·C)) Σ_n Σ_k (p_k − q_k)²}, the mean over all entries (as {@code torch.nn.MSELoss}); 0 for
 *       identical models.</li>
 *   <li>{@code klDivergence} — {@code (1/N) Σ_n Σ_k p_k (ln p_k − ln q_k)} = KL(p || q) in nats, clamped at 0.</li>
 *   <li>{@code referenceEntropy} — {@code (1/N) Σ_n −Σ_k p_k ln p_k}, the floor of {@code articleLoss}.</li>
 *   <li>{@code top1Agreement} — fraction of samples where both models' arg-max classes agree.</li>
 *   <li>{@code referenceAccuracy}, {@code candidateAccuracy} — each model's accuracy against the labels.</li>
 * </ul>
 */
public record ModelComparison(int sampleCount, double articleLoss, double meanSquaredError, double klDivergence,
                              double referenceEntropy, double top1Agreement, double referenceAccuracy,
                              double candidateAccuracy) {

    /** Compares two softmax networks on every batch of {@code data} (reset first if possible). Used in notebooks 05, 06. */
    public static ModelComparison of(MultiLayerNetwork reference, MultiLayerNetwork candidate, DataSetIterator data) {
        return of(Predictor.of(reference), Predictor.of(candidate), data);
    }

    /** Compares two probability-producing predictors on every batch of {@code data}. Used in notebooks 05, 06. */
    public static ModelComparison of(Predictor reference, Predictor candidate, DataSetIterator data) {
        if (reference == null || candidate == null) {
            throw new IllegalArgumentException("reference and candidate must not be null");
        }
        ComparisonCounter counter = new ComparisonCounter();
        DataPass.forEach(data, batch -> counter.add(reference.probabilities(batch.getFeatures()),
                candidate.probabilities(batch.getFeatures()), batch.getLabels()));
        return counter.result();
    }

    /** Compares given probabilities {@code [n, classes]} of two models against one-hot labels {@code [n, classes]}. */
    public static ModelComparison fromPredictions(INDArray reference, INDArray candidate, INDArray labels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        ComparisonCounter counter = new ComparisonCounter();
        counter.add(reference, candidate, labels);
        return counter.result();
    }

    /**
     * A table of named comparisons, one row each in the map's order: columns "model", "accuracy" (the candidate's),
     * "article loss", "KL" and "top-1 agreement". Used in notebook 05.
     */
    public static Table table(String title, Map<String, ModelComparison> comparisons) {
        Table t = Table.create(title, StringColumn.create("model"), DoubleColumn.create("accuracy"),
                DoubleColumn.create("article loss"), DoubleColumn.create("KL"), DoubleColumn.create("top-1 agreement"));
        comparisons.forEach((name, c) -> {
            t.stringColumn("model").append(name);
            t.doubleColumn("accuracy").append(c.candidateAccuracy());
            t.doubleColumn("article loss").append(c.articleLoss());
            t.doubleColumn("KL").append(c.klDivergence());
            t.doubleColumn("top-1 agreement").append(c.top1Agreement());
        });
        return t;
    }

    /** The candidate's accuracy minus the reference's (negative when compression costs accuracy). Used in notebook 06. */
    public double accuracyChange() {
        return candidateAccuracy - referenceAccuracy;
    }

    /** One line per measure, for printing in a notebook. Used in notebooks 05, 06. */
    public String summary() {
        return String.format(Locale.ROOT, "samples: %d%narticle loss (cross-entropy, reference as target): %.6f nats%n"
                        + "mean squared error of probabilities: %.3e%nKL(reference || candidate): %.6f nats%n"
                        + "reference entropy: %.6f nats%ntop-1 agreement: %.2f%%%n"
                        + "accuracy: reference %.2f%%, candidate %.2f%% (change %+.2f points)",
                sampleCount, articleLoss, meanSquaredError, klDivergence, referenceEntropy, 100 * top1Agreement,
                100 * referenceAccuracy, 100 * candidateAccuracy, 100 * accuracyChange());
    }
}
