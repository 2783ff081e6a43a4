package org.quantcourse.qat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.data.DatasetSplit;
import org.quantcourse.train.EpochSchedule;
import org.quantcourse.train.ModelCache;
import org.quantcourse.train.TrainedModel;
import org.quantcourse.train.Trainer;
import org.quantcourse.train.TrainingListener;
import org.quantcourse.train.Updaters;

/**
 * Quantization-aware fine-tuning of a trained FP32 network: {@link QatNetwork#prepare} its twin under a
 * {@link QatSpec}, then train it for a few epochs with Adam and a cosine-decayed rate, cached in a
 * {@link ModelCache} (the key covers the spec, since it is part of the network's JSON, the FP32 weights and these
 * settings), with the course's progress listeners. Used in notebooks 11 and 12.
 *
 * <p>Another loss plugs in through the output layer of the FP32 network handed in (its DL4J loss function is kept),
 * e.g. a distillation loss that reads the teacher's outputs from the labels.
 */
public final class QatTraining {

    /** Default fine-tuning: 2 epochs, Adam from 5e-4 down to 2.5e-5 (cosine), batches of 64, 1000 calibration images. */
    public static final int DEFAULT_EPOCHS = 2;
    public static final double DEFAULT_RATE = 5e-4;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final int DEFAULT_CALIBRATION_IMAGES = 1000;

    private final QatSpec spec;
    private final int epochs;
    private final double rate;
    private final long seed;
    private final List<TrainingListener> listeners;

    private QatTraining(QatSpec spec, int epochs, double rate, long seed, List<TrainingListener> listeners) {
        this.spec = spec;
        this.epochs = epochs;
        this.rate = rate;
        this.seed = seed;
        this.listeners = List.copyOf(listeners);
    }

    /** Fine-tuning under {@code spec} with the defaults. */
    public static QatTraining of(QatSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("pass a QatSpec, e.g. QatSpec.weights(4).activations(8)");
        }
        return new QatTraining(spec, DEFAULT_EPOCHS, DEFAULT_RATE, 42, List.of());
    }

    /** The same for {@code epochs} epochs (1..100). */
    public QatTraining epochs(int epochs) {
        if (epochs < 1 || epochs > 100) {
            throw new IllegalArgumentException("fine-tuning takes 1..100 epochs, got " + epochs);
        }
        return new QatTraining(spec, epochs, rate, seed, listeners);
    }

    /** The same starting at this Adam learning rate (decayed by a cosine to 1/20 of it). */
    public QatTraining learningRate(double rate) {
        if (!(rate > 0) || rate > 1) {
            throw new IllegalArgumentException("the learning rate must be in (0, 1], got " + rate);
        }
        return new QatTraining(spec, epochs, rate, seed, listeners);
    }

    /** The same with this seed (batch order). */
    public QatTraining seed(long seed) {
        return new QatTraining(spec, epochs, rate, seed, listeners);
    }

    /** The same, also reporting progress to {@code listener} (e.g. a {@code NotebookProgress}). */
    public QatTraining listener(TrainingListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("the listener must not be null");
        }
        List<TrainingListener> more = new ArrayList<>(listeners);
        more.add(listener);
        return new QatTraining(spec, epochs, rate, seed, more);
    }

    /** The spec. */
    public QatSpec spec() {
        return spec;
    }

    /** The network to be fine-tuned, before training: {@link QatNetwork#prepare} on a calibration slice of the data. */
    public MultiLayerNetwork prepare(MultiLayerNetwork fp32, DatasetSplit data) {
        INDArray calibration = data.train().limit(Math.min(DEFAULT_CALIBRATION_IMAGES, data.train().size())).features();
        return QatNetwork.prepare(fp32, spec, calibration, Updaters.adam(rate));
    }

    /** Fine-tunes {@code fp32}'s twin on {@code data}, or loads it from {@code cache} when trained before. */
    public TrainedModel fineTune(MultiLayerNetwork fp32, DatasetSplit data, ModelCache cache) {
        return fineTune(fp32, data, null, cache);
    }

    /**
     * The same, each training batch first passed through {@code labels} (null: none), e.g. a distillation's teacher
     * targets read by the loss of {@code fp32}'s output layer. The cache key covers the network, not
     * {@code labels}: the loss's configuration must name what they depend on (as {@code DistillationLossFunction} does).
     */
    public TrainedModel fineTune(MultiLayerNetwork fp32, DatasetSplit data, DataSetPreProcessor labels,
            ModelCache cache) {
        MultiLayerNetwork net = prepare(fp32, data);
        DataSetIterator batches = data.train().iterator(DEFAULT_BATCH_SIZE, seed);
        if (labels != null) {
            batches.setPreProcessor(labels);
        }
        Trainer.Builder trainer = Trainer.builder().epochs(epochs).batchSize(DEFAULT_BATCH_SIZE).seed(seed)
                .schedule(EpochSchedule.cosine(rate, rate / 20));
        listeners.forEach(trainer::listener);
        TrainedModel trained = cache.getOrTrain(net, trainer.build(), data.train().fingerprint(),
                batches, data.test().iterator(500, seed));
        QatGradients.attachTo(trained.network());
        return trained;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "QAT fine-tuning (%s; %d epochs, Adam %.1e)", spec, epochs, rate);
    }
}
