package org.quantcourse.bench;

import java.util.Random;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.train.ArticleCnn;
import org.quantcourse.train.OneDnn;

/** Measures training and inference images/s of the article's CNN in this JVM (one thread setting). */
final class TrainingSpeed {

    private static final int WARM_UP_STEPS = 3;
    private static final int MIN_STEPS = 3;

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

    /** The article's network, on DL4J's stock path or with the oneDNN fix. */
    static MultiLayerNetwork network(boolean oneDnn) {
        MultiLayerNetwork net = ArticleCnn.builder().seed(42).oneDnn(oneDnn).build();
        if (OneDnn.isActive(net) != oneDnn) {
            throw new IllegalStateException("Expected oneDNN " + (oneDnn ? "on" : "off") + " for this measurement.");
        }
        return net;
    }

    private double timed(Supplier<Integer> step) {
        for (int i = 0; i < WARM_UP_STEPS; i++) {
            step.get();
        }
        long images = 0;
        int steps = 0;
        long start = System.nanoTime();
        while (steps < MIN_STEPS || System.nanoTime() - start < seconds * 1e9) {
            images += step.get();
            steps++;
        }
        return images / ((System.nanoTime() - start) / 1e9);
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
