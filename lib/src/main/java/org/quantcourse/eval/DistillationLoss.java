package org.quantcourse.eval;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Hinton et al.'s knowledge-distillation loss, averaged over the batch:
 * {@code α·T²·KL(softmax(t/T) || softmax(s/T)) + (1 − α)·CE(y, softmax(s))}, with student logits s, teacher
 * logits t, one-hot labels y, temperature T and weight α. Computed from logits with a stable log-softmax (no
 * clipping). The T² keeps the soft term's gradient on the same scale as T changes. Used in notebook 13.
 */
public record DistillationLoss(double temperature, double alpha) {

    /** Checks {@code temperature > 0} and {@code 0 <= alpha <= 1}. */
    public DistillationLoss {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive finite number (1 = plain softmax, "
                    + "larger = softer targets), got " + temperature);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1] (weight of the soft-target term), got " + alpha);
        }
    }

    /** The loss with this temperature and soft-target weight. */
    public static DistillationLoss of(double temperature, double alpha) {
        return new DistillationLoss(temperature, alpha);
    }

    /** The teacher's soft targets {@code softmax(t/T)}, as {@code [batch, classes]}. */
    public INDArray softTargets(INDArray teacherLogits) {
        return Transforms.exp(logSoftmax(asFloat(teacherLogits, "teacher logits").div(temperature)), false);
    }

    /** The mean distillation loss over the batch, in nats. */
    public double compute(INDArray studentLogits, INDArray teacherLogits, INDArray labels) {
        INDArray perExample = perExample(studentLogits, teacherLogits, labels);
        return perExample.sumNumber().doubleValue() / perExample.length();
    }

    /** The distillation loss of each example, in nats, as a column {@code [batch, 1]}. */
    public INDArray perExample(INDArray studentLogits, INDArray teacherLogits, INDArray labels) {
        INDArray y = requireInputs(studentLogits, teacherLogits, labels);
        INDArray logStudentSoft = logSoftmax(studentLogits.castTo(DataType.FLOAT).div(temperature));
        INDArray logTeacherSoft = logSoftmax(teacherLogits.castTo(DataType.FLOAT).div(temperature));
        INDArray teacherSoft = Transforms.exp(logTeacherSoft, true);
        INDArray kl = teacherSoft.mul(logTeacherSoft.sub(logStudentSoft)).sum(true, 1);
        INDArray crossEntropy = y.mul(logSoftmax(studentLogits.castTo(DataType.FLOAT))).sum(true, 1).negi();
        return kl.muli(alpha * temperature * temperature).addi(crossEntropy.muli(1 - alpha));
    }

    /**
     * The gradient of {@link #compute} with respect to the student logits, {@code [batch, classes]}:
     * {@code (α·T·(softmax(s/T) − softmax(t/T)) + (1 − α)·(softmax(s) − y)) / batch}.
     */
    public INDArray gradient(INDArray studentLogits, INDArray teacherLogits, INDArray labels) {
        INDArray y = requireInputs(studentLogits, teacherLogits, labels);
        INDArray student = studentLogits.castTo(DataType.FLOAT);
        INDArray softDifference = Transforms.exp(logSoftmax(student.div(temperature)), false).subi(softTargets(teacherLogits));
        INDArray hardDifference = Transforms.exp(logSoftmax(student), false).subi(y);
        return softDifference.muli(alpha * temperature).addi(hardDifference.muli(1 - alpha)).divi(y.rows());
    }

    /** {@code x − max − ln Σ exp(x − max)} row by row. */
    private static INDArray logSoftmax(INDArray logits) {
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        return shifted.subiColumnVector(logSum);
    }

    private static INDArray requireInputs(INDArray student, INDArray teacher, INDArray labels) {
        INDArray s = asFloat(student, "student logits");
        INDArray t = asFloat(teacher, "teacher logits");
        if (!Arrays.equals(s.shape(), t.shape())) {
            throw new IllegalArgumentException("student and teacher logits must have the same shape [batch, classes], got "
                    + Arrays.toString(s.shape()) + " and " + Arrays.toString(t.shape()));
        }
        return OneHotLabels.require(labels, s.rows(), s.columns());
    }

    private static INDArray asFloat(INDArray logits, String what) {
        if (logits == null || logits.rank() != 2 || logits.rows() == 0 || logits.columns() < 2) {
            throw new IllegalArgumentException(what + " must be a matrix [batch >= 1, classes >= 2], got "
                    + (logits == null ? "null" : Arrays.toString(logits.shape())));
        }
        return logits.castTo(DataType.FLOAT);
    }
}
