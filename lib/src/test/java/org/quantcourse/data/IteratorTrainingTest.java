package org.quantcourse.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The iterators feed DL4J networks as they are: flat for logistic regression, NCHW for a CNN. */
class IteratorTrainingTest {

    private static final long SEED = 7L;
    /** Seeded runs; chance level is 0.1 (10 digits) or 0.5 (two digits). */
    private static final double MIN_ACCURACY = 0.8;

    private static DatasetSplit sample;

    @BeforeAll
    static void load() {
        sample = MnistSample.load().limit(1000, 500);
    }

    private static OutputLayer softmax(int nIn, int nOut) {
        OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(nOut).activation(Activation.SOFTMAX);
        return (nIn > 0 ? out.nIn(nIn) : out).build();
    }

    private static double accuracy(MultiLayerNetwork net, ImageDataset train, ImageDataset test, Layout layout) {
        net.init();
        net.fit(train.iterator(50, SEED, layout), 3);
        return net.evaluate(test.iterator(100, SEED, layout)).accuracy();
    }

    @Test
    void logisticRegressionLearnsTwoDigitsFromFlatBatches() {
        DatasetSplit pair = sample.filterClasses(3, 8);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(SEED).updater(new Adam(1e-2))
                .list().layer(softmax(28 * 28, 2)).build();
        double accuracy = accuracy(new MultiLayerNetwork(conf), pair.train(), pair.test(), Layout.FLAT);
        assertTrue(accuracy > MIN_ACCURACY, "accuracy " + accuracy);
    }

    @Test
    void smallCnnLearnsTenDigitsFromNchwBatches() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(SEED).updater(new Adam(1e-2))
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).stride(2, 2).nOut(8).activation(Activation.RELU).build())
                .layer(softmax(0, 10))
                .setInputType(InputType.convolutional(28, 28, 1))
                .build();
        double accuracy = accuracy(new MultiLayerNetwork(conf), sample.train(), sample.test(), Layout.NCHW);
        assertTrue(accuracy > MIN_ACCURACY, "accuracy " + accuracy);
    }
}
