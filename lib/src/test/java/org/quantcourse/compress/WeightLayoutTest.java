package org.quantcourse.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.quantcourse.train.ArticleCnn;

class WeightLayoutTest {

    @Test
    void convolutionsAndTheirSameLayoutSubclassesHaveTheOutputChannelOnAxisZero() {
        assertEquals(Optional.of(WeightLayout.CONV), WeightLayout.of(new ConvolutionLayer.Builder(3, 3).nIn(1).nOut(2).build()));
        assertEquals(Optional.of(WeightLayout.DENSE), WeightLayout.of(new DenseLayer.Builder().nIn(2).nOut(3).build()));
        MultiLayerNetwork article = ArticleCnn.builder().build();
        assertEquals(Optional.of(WeightLayout.CONV),
                WeightLayout.of(article.getLayerWiseConfigurations().getConf(0).getLayer()), "the course's channels-last conv");
    }

    @Test
    void convolutionsWithOtherWeightLayoutsAreLeftInFloat() {
        assertTrue(WeightLayout.of(new Deconvolution2D.Builder(3, 3).nIn(1).nOut(2).build()).isEmpty());
        assertTrue(WeightLayout.of(new DepthwiseConvolution2D.Builder(3, 3).nIn(1).nOut(2).build()).isEmpty());
        assertTrue(WeightLayout.of(new SeparableConvolution2D.Builder(3, 3).nIn(1).nOut(2).build()).isEmpty());
    }

    @Test
    void everyWeightOfTheArticleCnnIsQuantized() {
        MultiLayerNetwork article = ArticleCnn.builder().seed(3).build();
        CompressedModel compressed = ModelQuantizer.quantize(article, QuantSpec.symmetric(4).perChannel());
        long quantized = compressed.layers().stream().filter(l -> l.quantizedWeight().isPresent()).count();
        assertEquals(4, quantized, "conv1, conv2, fc1 and fc2");
        assertTrue(compressed.sizeReport().compressionRatio() > 7, "4-bit weights make the model about 8x smaller");
    }
}
