package org.quantcourse.eval;

import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small seeded networks and synthetic classification data for the evaluation tests. */
final class Fixtures {

    static final int FEATURES = 8;
    static final int CLASSES = 3;

    private Fixtures() {
    }

    /** A small dense softmax classifier with seeded random weights (untrained: its accuracy is mediocre). */
    static MultiLayerNetwork classifier(int classes, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(6).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(6).nOut(classes).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    /** {@code n} samples of {@link #CLASSES} seeded Gaussian blobs in {@link #FEATURES}-D, one-hot labels. */
    static DataSet blobs(int n, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][FEATURES];
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, CLASSES);
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(CLASSES);
            labels.putScalar(i, c, 1);
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = (float) ((j % CLASSES == c ? 1.5 : 0) + random.nextGaussian());
            }
        }
        return new DataSet(Nd4j.create(x), labels);
    }

    /** The data set as an iterator of mini-batches. */
    static DataSetIterator iterator(DataSet data, int batchSize) {
        return new ListDataSetIterator<>(data.asList(), batchSize);
    }

    /** A copy of {@code net} with seeded Gaussian noise of standard deviation {@code sigma} added to every parameter. */
    static MultiLayerNetwork perturbed(MultiLayerNetwork net, double sigma, long seed) {
        MultiLayerNetwork copy = net.clone();
        Random random = new Random(seed);
        float[] params = copy.params().toFloatVector();
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (sigma * random.nextGaussian());
        }
        copy.setParams(Nd4j.create(params, new long[] {1, params.length}, DataType.FLOAT));
        return copy;
    }
}
