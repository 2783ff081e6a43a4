package org.quantcourse.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Trains a network for a number of epochs in batches of a fixed size, with an optional learning-rate schedule,
 * progress listeners and per-epoch metrics. Stops cleanly between batches when its thread is interrupted (a
 * notebook's interrupt): {@code fit} then returns the history so far, marked interrupted, and the network stays
 * usable. The updater (SGD, momentum, Adam) belongs to the network, see {@link ArticleCnn.Builder#updater}.
 * Used in notebooks 04–06.
 */
public final class Trainer {

    private final int epochs;
    private final int batchSize;
    private final long seed;
    private final EpochSchedule schedule;
    private final boolean trainAccuracy;
    private final List<TrainingListener> listeners;

    private Trainer(Builder b) {
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.schedule = b.schedule;
        this.trainAccuracy = b.trainAccuracy;
        this.listeners = List.copyOf(b.listeners);
    }

    /** Starts a builder: 10 epochs, batches of 64, seed 42, the network's own learning rate, no listeners. */
    public static Builder builder() {
        return new Builder();
    }

    /** Trains {@code net} in place on {@code train}; returns the per-epoch history. */
    public TrainingHistory fit(MultiLayerNetwork net, DataSetIterator train) {
        return fit(net, train, null);
    }

    /** Trains {@code net} in place on {@code train}, measuring test accuracy on {@code test} after every epoch. */
    public TrainingHistory fit(MultiLayerNetwork net, DataSetIterator train, DataSetIterator test) {
        if (net == null || net.getLayers() == null) {
            throw new IllegalArgumentException("The network must be built and initialized (net.init()) before"
                    + " training; ArticleCnn.builder().build() returns an initialized one.");
        }
        if (train == null) {
            throw new IllegalArgumentException("The training iterator must not be null.");
        }
        return new TrainingRun(this, net, train, test).execute();
    }

    /** The settings that change the trained model, as stable text (part of the model cache key). */
    public String settings() {
        return String.format(Locale.ROOT, "epochs=%d;batchSize=%d;seed=%d;schedule=%s;trainAccuracy=%s", epochs,
                batchSize, seed, schedule == null ? "network" : schedule, trainAccuracy);
    }

    /** Number of epochs. */
    public int epochs() {
        return epochs;
    }

    /** Examples per training batch. */
    public int batchSize() {
        return batchSize;
    }

    /** Seed of ND4J's random generator at the start of training. */
    public long seed() {
        return seed;
    }

    /** The learning-rate schedule, or null to keep the network's own rate. */
    public EpochSchedule schedule() {
        return schedule;
    }

    /** Whether training accuracy is measured after every epoch (an extra pass over the training data). */
    public boolean measuresTrainAccuracy() {
        return trainAccuracy;
    }

    /** The progress listeners. */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    /** Builder of a {@link Trainer}. */
    public static final class Builder {

        private int epochs = 10;
        private int batchSize = 64;
        private long seed = 42;
        private EpochSchedule schedule;
        private boolean trainAccuracy;
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Number of passes over the training data (at least 1). */
        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("Epochs must be at least 1, got " + epochs + ".");
            }
            this.epochs = epochs;
            return this;
        }

        /** Examples per batch (at least 1), whatever batch size the iterator uses; the article uses 64. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("Batch size must be at least 1, got " + batchSize + "; 64 is"
                        + " the article's.");
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Seed of ND4J's random generator at the start of training. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the learning rate at the start of every epoch from {@code schedule}. */
        public Builder schedule(EpochSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /** Also measures accuracy on the training data after every epoch (costs an inference pass). */
        public Builder trainAccuracy(boolean measure) {
            this.trainAccuracy = measure;
            return this;
        }

        /** Adds a progress listener, e.g. {@link ConsoleProgressBar#create()} or {@link NotebookProgress}. */
        public Builder listener(TrainingListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("Listener must not be null.");
            }
            listeners.add(listener);
            return this;
        }

        /** The trainer. */
        public Trainer build() {
            return new Trainer(this);
        }
    }
}
