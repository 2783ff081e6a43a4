package org.quantcourse.qat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.data.DatasetSplit;
import org.quantcourse.dl4jfix.Dl4jFixes;
import org.quantcourse.eval.DistillationLoss;
import org.quantcourse.train.ModelCache;
import org.quantcourse.train.TrainedModel;
import org.quantcourse.train.Trainer;

/**
 * Knowledge distillation from an FP32 teacher (Hinton et al. 2015): a student trained on
 * {@code α·T²·KL(softmax(t/T) ‖ softmax(s/T)) + (1 − α)·CE(y, s)} ({@link DistillationLoss}), either a quantized
 * student during QAT ({@link #fineTune}) or any FP32 student from scratch ({@link #train}). The teacher's logits
 * are computed per batch and appended to the labels; the student's output layer gets a
 * {@link DistillationLossFunction}. Trained students are cached; the key covers T, α and the teacher. Immutable.
 * Used in notebook 13.
 */
public final class Distillation {

    /** Hinton et al.'s kind of setting: temperature 4, 90 % of the weight on the soft targets. */
    public static final double DEFAULT_TEMPERATURE = 4;
    public static final double DEFAULT_ALPHA = 0.9;

    private final MultiLayerNetwork teacher;
    private final String fingerprint;
    private final DistillationLoss loss;

    private Distillation(MultiLayerNetwork teacher, String fingerprint, DistillationLoss loss) {
        this.teacher = teacher;
        this.fingerprint = fingerprint;
        this.loss = loss;
    }

    /** Distillation from {@code teacher} (e.g. {@code CourseModel.trained().network()}) with the defaults. */
    public static Distillation from(MultiLayerNetwork teacher) {
        if (teacher == null) {
            throw new IllegalArgumentException("pass the trained FP32 teacher, e.g. CourseModel.trained().network()");
        }
        return new Distillation(teacher, fingerprint(teacher), DistillationLoss.of(DEFAULT_TEMPERATURE, DEFAULT_ALPHA));
    }

    /** The same at temperature {@code T > 0}. */
    public Distillation temperature(double temperature) {
        return new Distillation(teacher, fingerprint, DistillationLoss.of(temperature, loss.alpha()));
    }

    /** The same with weight {@code alpha} in [0, 1] on the soft targets (0 = plain cross-entropy). */
    public Distillation alpha(double alpha) {
        return new Distillation(teacher, fingerprint, DistillationLoss.of(loss.temperature(), alpha));
    }

    /** The loss. */
    public DistillationLoss loss() {
        return loss;
    }

    /** The teacher. */
    public MultiLayerNetwork teacher() {
        return teacher;
    }

    /** A short SHA-256 of the teacher's configuration and parameters (part of every student's cache key). */
    public String teacherFingerprint() {
        return fingerprint;
    }

    /** The teacher's logits (before its softmax) for {@code features}, {@code [n, classes]}. */
    public INDArray teacherLogits(INDArray features) {
        return TeacherTargets.logits(teacher, features);
    }

    /** The batch preprocessor that appends the teacher's logits to the one-hot labels. */
    public DataSetPreProcessor targets() {
        return new TeacherTargets(teacher);
    }

    /** A copy of {@code student} (same parameters) whose output layer trains on this distillation loss. */
    public MultiLayerNetwork withLoss(MultiLayerNetwork student) {
        MultiLayerConfiguration conf = student.getLayerWiseConfigurations().clone();
        int last = conf.getConfs().size() - 1;
        if (!(conf.getConf(last).getLayer() instanceof BaseOutputLayer output)) {
            throw new IllegalArgumentException("the student must end with a dense output layer (OutputLayer)");
        }
        output.setLossFn(DistillationLossFunction.of(loss.temperature(), loss.alpha(), fingerprint));
        MultiLayerNetwork copy = Dl4jFixes.initialized(conf, true);
        copy.setParams(student.params().dup());
        return copy;
    }

    /** QAT of {@code fp32}'s twin under {@code qat}, distilled from the teacher; cached. */
    public TrainedModel fineTune(MultiLayerNetwork fp32, QatTraining qat, DatasetSplit data, ModelCache cache) {
        return qat.fineTune(withLoss(fp32), data, targets(), cache);
    }

    /** Trains the FP32 {@code student} from its current weights with {@code trainer}, distilled; cached. */
    public TrainedModel train(MultiLayerNetwork student, Trainer trainer, DatasetSplit data, ModelCache cache) {
        DataSetIterator batches = data.train().iterator(trainer.batchSize(), trainer.seed());
        batches.setPreProcessor(targets());
        return cache.getOrTrain(withLoss(student), trainer, data.train().fingerprint(), batches,
                data.test().iterator(500, trainer.seed()));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "distillation (T = %s, alpha = %s) from teacher %s", loss.temperature(),
                loss.alpha(), fingerprint);
    }

    private static String fingerprint(MultiLayerNetwork net) {
        MessageDigest sha = sha256();
        sha.update(net.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8));
        float[] values = net.params().toFloatVector();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        sha.update(bytes.array());
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256, which every Java SE must have.", e);
        }
    }
}
