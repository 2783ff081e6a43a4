package org.quantcourse.qat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.quantcourse.eval.DistillationLoss;
import org.quantcourse.train.AugmentedLabels;

/**
 * {@link DistillationLoss} as a DL4J loss function for the output layer: its labels are {@code [batch, 2K]}, the
 * one-hot classes then the teacher's logits ({@link TeacherTargets} appends them), and it reads the student's
 * logits (the output layer's pre-activation; the layer's softmax is not used). Per example
 * {@code ℓ = α·T²·KL(softmax(t/T) ‖ softmax(s/T)) + (1 − α)·CE(y, softmax(s))}, gradient
 * {@code α·T·(softmax(s/T) − softmax(t/T)) + (1 − α)·(softmax(s) − y)}; DL4J averages over the batch. Saved in the
 * network's JSON with the teacher's fingerprint, so a model cache key changes with the teacher. Used in notebook 13.
 */
public final class DistillationLossFunction implements ILossFunction, AugmentedLabels {

    private static final long serialVersionUID = 1L;

    @JsonProperty
    private double temperature;
    @JsonProperty
    private double alpha;
    @JsonProperty
    private String teacher;
    private transient DistillationLoss loss;

    private DistillationLossFunction() {
        // for DL4J's JSON
    }

    private DistillationLossFunction(double temperature, double alpha, String teacher) {
        this.loss = DistillationLoss.of(temperature, alpha);
        this.temperature = temperature;
        this.alpha = alpha;
        this.teacher = Objects.requireNonNull(teacher, "teacher");
    }

    /** The loss at temperature {@code T} with soft-target weight {@code alpha}, for the teacher named {@code teacher}. */
    public static DistillationLossFunction of(double temperature, double alpha, String teacher) {
        if (teacher == null || teacher.isBlank()) {
            throw new IllegalArgumentException("name the teacher (e.g. its fingerprint): the cache key must change with it");
        }
        return new DistillationLossFunction(temperature, alpha, teacher);
    }

    /** The loss's formula. */
    public DistillationLoss loss() {
        if (loss == null) {
            loss = DistillationLoss.of(temperature, alpha);
        }
        return loss;
    }

    /** The teacher's fingerprint. */
    public String teacher() {
        return teacher;
    }

    @Override
    public long labelColumns(long classes) {
        return 2 * classes;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
            boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray score = loss().perExample(preOutput, teacherLogits(labels, preOutput), classes(labels, preOutput));
        return (mask == null ? score : score.muli(mask.reshape(score.shape()))).castTo(preOutput.dataType());
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray gradient = loss().gradient(preOutput, teacherLogits(labels, preOutput), classes(labels, preOutput))
                .muli(preOutput.size(0));
        return (mask == null ? gradient : gradient.muliColumnVector(mask.reshape(mask.length(), 1)))
                .castTo(preOutput.dataType());
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
            INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return toString();
    }

    private static INDArray classes(INDArray labels, INDArray preOutput) {
        return columns(labels, preOutput, 0);
    }

    private static INDArray teacherLogits(INDArray labels, INDArray preOutput) {
        return columns(labels, preOutput, 1);
    }

    private static INDArray columns(INDArray labels, INDArray preOutput, int part) {
        long k = preOutput.size(1);
        if (labels.rank() != 2 || labels.size(0) != preOutput.size(0) || labels.size(1) != 2 * k) {
            throw new IllegalArgumentException("distillation labels must be [batch, " + 2 * k + "]: the one-hot"
                    + " classes, then the teacher's " + k + " logits (Distillation.targets() appends them), got "
                    + Arrays.toString(labels.shape()));
        }
        return labels.get(NDArrayIndex.all(), NDArrayIndex.interval(part * k, (part + 1) * k));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistillationLossFunction d && d.temperature == temperature && d.alpha == alpha
                && d.teacher.equals(teacher);
    }

    @Override
    public int hashCode() {
        return Objects.hash(temperature, alpha, teacher);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DistillationLossFunction(T=%s, alpha=%s, teacher=%s)", temperature, alpha,
                teacher);
    }
}
