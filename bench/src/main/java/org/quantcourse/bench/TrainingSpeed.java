package org.quantcourse.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.train.ArticleCnn;
import org.quantcourse.dl4jfix.OneDnn;

/**
 * Measures training and inference images/s of the article's CNN in this JVM (one thread setting), as the best of
 * {@link #ROUNDS} rounds, the way {@code bench/torch_reference.py} measures PyTorch.
 */
final class TrainingSpeed {

    private static final int WARM_UP_STEPS = 2;
    private static final int MIN_STEPS = 2;
    /** The machine may be shared: the best of a few rounds is the least disturbed one (same for PyTorch). */
    static final int ROUNDS = 3;

    private final double seconds;

    TrainingSpeed(double seconds) {
        this.seconds = seconds;
    }

    /** Training images/s: {@code net.fit} on one seeded random batch, repeated. */
    double training(MultiLayerNetwork net, int batch) {
        DataSet data = randomBatch(batch, 1);
        return timed(() -> {
            net.fit(data);
            return batch;
        });
    }

    /** Inference images/s: {@code net.output} on one seeded random batch, repeated. */
    double inference(MultiLayerNetwork net, int batch) {
        INDArray features = randomBatch(batch, 2).getFeatures();
        return timed(() -> {
            net.output(features);
            return batch;
        });
    }

    /** The article's network: DL4J's stock path, or oneDNN channels-first, or oneDNN channels-last (the default). */
    static MultiLayerNetwork network(Variant variant) {
        MultiLayerNetwork net = ArticleCnn.builder().seed(42).oneDnn(variant != Variant.STOCK)
                .channelsLast(variant == Variant.ONEDNN_NHWC).build();
        if (OneDnn.isActive(net) == (variant == Variant.STOCK)) {
            throw new IllegalStateException("oneDNN is " + (OneDnn.isActive(net) ? "on" : "off") + " for " + variant);
        }
        return net;
    }

    /** The code paths compared. */
    enum Variant {
        STOCK("dl4j-stock"), ONEDNN_NCHW("dl4j-onednn-nchw"), ONEDNN_NHWC("dl4j-onednn-nhwc");

        final String label;

        Variant(String label) {
            this.label = label;
        }

        /** The path with this label, e.g. {@code dl4j-onednn-nhwc}. */
        static Variant of(String label) {
            return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("Unknown path '" + label + "' in --paths; choose from "
                            + Arrays.stream(values()).map(v -> v.label).toList()));
        }
    }

    /** Best images/s over {@link #ROUNDS} rounds of at least {@code seconds / ROUNDS} and {@link #MIN_STEPS} steps. */
    private double timed(Supplier<Integer> step) {
        for (int i = 0; i < WARM_UP_STEPS; i++) {
            step.get();
        }
        double best = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long images = 0;
            int steps = 0;
            long start = System.nanoTime();
            while (steps < MIN_STEPS || System.nanoTime() - start < seconds / ROUNDS * 1e9) {
                images += step.get();
                steps++;
            }
            best = Math.max(best, images / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    private static DataSet randomBatch(int batch, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray features = Nd4j.rand(DataType.FLOAT, batch, 1, ArticleCnn.MNIST_SIZE, ArticleCnn.MNIST_SIZE);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, ArticleCnn.CLASSES);
        Random random = new Random(seed);
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, random.nextInt(ArticleCnn.CLASSES), 1f);
        }
        return new DataSet(features, labels);
    }
}
