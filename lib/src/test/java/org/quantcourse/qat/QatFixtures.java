package org.quantcourse.qat;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.quantcourse.data.DatasetSplit;
import org.quantcourse.data.ImageDataset;
import org.quantcourse.train.ArticleCnn;
import org.quantcourse.train.Trainer;

/** Seeded 28×28 images whose class is a bright square at one of ten places, and the article's CNN trained on them. */
final class QatFixtures {

    static final int SIDE = 28;
    static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private QatFixtures() {
    }

    /** {@code n} images with labels {@code i % 10}. */
    static ImageDataset images(int n, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[n * SIDE * SIDE];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int label = i % 10;
            labels[i] = (byte) label;
            int top = 3 + (label / 5) * 12;
            int left = 1 + (label % 5) * 5;
            for (int p = 0; p < SIDE * SIDE; p++) {
                int r = p / SIDE;
                int c = p % SIDE;
                boolean square = r >= top && r < top + 6 && c >= left && c < left + 6;
                pixels[i * SIDE * SIDE + p] = (byte) (square ? 180 + random.nextInt(75) : random.nextInt(80));
            }
        }
        return ImageDataset.of("qat-squares-" + seed, SIDE, SIDE, pixels, labels, CLASSES);
    }

    static DatasetSplit split() {
        return new DatasetSplit(images(320, 1), images(100, 2));
    }

    /** The article's CNN after one epoch on the squares. */
    static MultiLayerNetwork trainedCnn() {
        MultiLayerNetwork net = ArticleCnn.builder().seed(7).learningRate(0.05).build();
        Trainer.builder().epochs(1).batchSize(32).seed(3).build().fit(net, split().train().iterator(32, 3));
        return net;
    }

    /** A small batch of the squares. */
    static DataSet batch(int n) {
        ImageDataset images = images(n, 5);
        return new DataSet(images.features(), images.labelsOneHot());
    }

    static INDArray features(int n) {
        return images(n, 6).features();
    }

    /**
     * The central difference of {@code net}'s score on {@code batch} in one weight of a dense layer's W, summed over
     * the batch as DL4J's gradient is: n·(L(w + h) − L(w − h)) / 2h. The weight is restored afterwards.
     */
    static double centralDifference(MultiLayerNetwork net, int layer, long row, long col, float h, DataSet batch) {
        INDArray w = net.getLayer(layer).getParam("W");
        float original = w.getFloat(row, col);
        w.putScalar(new long[] {row, col}, original + h);
        double up = net.score(batch);
        w.putScalar(new long[] {row, col}, original - h);
        double down = net.score(batch);
        w.putScalar(new long[] {row, col}, original);
        return batch.numExamples() * (up - down) / (2 * h);
    }
}
