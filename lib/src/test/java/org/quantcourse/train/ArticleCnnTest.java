package org.quantcourse.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

class ArticleCnnTest {

    private static final double PROBABILITY_TOLERANCE = 1e-5;
    /** conv1 32·1·3·3+32, conv2 64·32·3·3+64, fc1 2304·100+100, fc2 100·10+10. */
    private static final long MNIST_PARAMETERS = 320 + 18_496 + 230_500 + 1_010;

    @Test
    void flattenedSizeForMnistIs64By6By6() {
        assertEquals(6, ArticleCnn.pooledSize(28));
        assertEquals(2304, ArticleCnn.correctFlattenedSize(ArticleCnn.MNIST_SIZE));
    }

    @Test
    void articlesFlattenedSizeFitsOnly68PixelInputs() {
        assertEquals(68, ArticleCnn.inputSizeFor(ArticleCnn.ARTICLE_FLATTENED_SIZE));
        assertEquals(ArticleCnn.ARTICLE_FLATTENED_SIZE, ArticleCnn.correctFlattenedSize(68));
        assertNotEquals(ArticleCnn.ARTICLE_FLATTENED_SIZE, ArticleCnn.correctFlattenedSize(28));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 12, 28, 32, 64, 68, 100})
    void inputSizeForInvertsTheFlattenedSizeOfExactFits(int inputSize) {
        assumeExactFit(inputSize);
        assertEquals(inputSize, ArticleCnn.inputSizeFor(ArticleCnn.correctFlattenedSize(inputSize)));
    }

    @Test
    void tooSmallInputsAndNonSquareSizesAreRejectedWithTheRule() {
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> ArticleCnn.pooledSize(7));
        assertTrue(small.getMessage().contains("at least 8"), small.getMessage());
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> ArticleCnn.inputSizeFor(64 * 6 * 7));
        assertTrue(odd.getMessage().contains("64 · k · k"), odd.getMessage());
    }

    @Test
    void buildsTheArticlesLayersInFloat() {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        assertEquals(5, net.getnLayers());
        assertEquals(DataType.FLOAT, net.params().dataType());
        assertEquals(MNIST_PARAMETERS, net.numParams());
        assertEquals(2304, ((DenseLayer) net.getLayerWiseConfigurations().getConf(3).getLayer()).getNIn());
        assertEquals(ArticleCnn.ARTICLE_LEARNING_RATE, net.getLearningRate(0));
        assertTrue(updaterOf(net, 0) instanceof Sgd);
    }

    @Test
    void widthsGiveANarrowerNetworkOfTheSameShapeAndTheDefaultsAreTheArticles() {
        MultiLayerNetwork small = ArticleCnn.builder().widths(8, 16, 24).build();
        assertEquals(8 * 9 + 8 + 16 * 8 * 9 + 16 + 16 * 36 * 24 + 24 + 24 * 10 + 10, small.numParams());
        assertEquals(10, small.output(SyntheticDigits.all(4, 1).getFeatures()).columns());
        assertEquals(ArticleCnn.builder().configuration().toJson(),
                ArticleCnn.builder().widths(32, 64, 100).configuration().toJson());
        assertThrows(IllegalArgumentException.class, () -> ArticleCnn.builder().widths(0, 16, 24));
    }

    @Test
    void outputIsAProbabilityPerClass() {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        INDArray probabilities = net.output(SyntheticDigits.all(16, 1).getFeatures());
        assertArrayEquals(new long[] {16, 10}, probabilities.shape());
        INDArray sums = probabilities.sum(1);
        for (int i = 0; i < 16; i++) {
            assertEquals(1.0, sums.getDouble(i), PROBABILITY_TOLERANCE);
        }
    }

    @Test
    void slicedAndCopiedInputsGiveTheSameOutput() {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        INDArray all = SyntheticDigits.all(40, 3).getFeatures();
        INDArray slice = all.get(NDArrayIndex.interval(10, 30));
        INDArray difference = net.output(slice).sub(net.output(slice.dup()));
        assertEquals(0.0, difference.amaxNumber().doubleValue(), PROBABILITY_TOLERANCE);
    }

    @Test
    void the68PixelVariantHasTheArticlesDenseLayer() {
        MultiLayerNetwork net = ArticleCnn.builder().inputSize(68).build();
        assertEquals(ArticleCnn.ARTICLE_FLATTENED_SIZE,
                ((DenseLayer) net.getLayerWiseConfigurations().getConf(3).getLayer()).getNIn());
    }

    @Test
    void seedDecidesTheInitialWeights() {
        assertEquals(ArticleCnn.builder().seed(5).build().params(), ArticleCnn.builder().seed(5).build().params());
        assertNotEquals(ArticleCnn.builder().seed(5).build().params(), ArticleCnn.builder().seed(6).build().params());
    }

    @Test
    void updaterAndLearningRateAreConfigurable() {
        MultiLayerNetwork adam = ArticleCnn.builder().updater(Updaters.adam(0.001)).build();
        assertTrue(updaterOf(adam, 3) instanceof Adam);
        assertEquals(0.001, adam.getLearningRate(3));
        assertEquals(0.05, ArticleCnn.builder().learningRate(0.05).build().getLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> ArticleCnn.builder().learningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> Updaters.momentum(0.01, 1.5));
    }

    private static Object updaterOf(MultiLayerNetwork net, int layer) {
        return ((BaseLayer) net.getLayerWiseConfigurations().getConf(layer).getLayer()).getIUpdater();
    }

    private static void assumeExactFit(int inputSize) {
        org.junit.jupiter.api.Assumptions.assumeTrue((inputSize - 4) % 4 == 0, "only 4k + 4 fit exactly");
    }
}
