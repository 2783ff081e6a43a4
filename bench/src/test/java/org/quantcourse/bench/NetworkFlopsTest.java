package org.quantcourse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.quantcourse.train.ArticleCnn;

class NetworkFlopsTest {

    @Test
    void aConvolutionCostsTwoFlopsPerMultiplyAddOfItsOutput() {
        // 5×5×2 input, 3×3 kernel, 4 filters: 3×3 output, each output value 3·3·2 multiply-adds.
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).build())
                .setInputType(InputType.convolutional(5, 5, 2)).build();
        NetworkFlops flops = NetworkFlops.of(conf, InputType.convolutional(5, 5, 2));
        assertEquals(2 * (3 * 3 * 2) * (4 * 3 * 3), flops.forwardPerImage());
        assertEquals(1296, flops.forwardPerImage());
    }

    @Test
    void aDenseLayerCostsTwoFlopsPerWeight() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nOut(3).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(2).build())
                .setInputType(InputType.feedForward(10)).build();
        NetworkFlops flops = NetworkFlops.of(conf, InputType.feedForward(10));
        assertEquals(List.of(60L, 12L), flops.layers().stream().map(NetworkFlops.LayerFlops::forward).toList());
        assertEquals(3 * 72, flops.trainingPerImage());
    }

    @Test
    void poolingIsNotCountedAndStrideShrinksTheOutput() {
        // 8×8×1, 2×2 kernel stride 2 → 4×4 output, 3 filters: 2·4·1·3·16; the pooling after it adds nothing.
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(2, 2).stride(2, 2).nOut(3).build())
                .layer(new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build())
                .setInputType(InputType.convolutional(8, 8, 1)).build();
        assertEquals(384, NetworkFlops.of(conf, InputType.convolutional(8, 8, 1)).forwardPerImage());
    }

    @ParameterizedTest(name = "channels last = {0}")
    @ValueSource(booleans = {true, false})
    void theArticlesCnnCostsTwentyTwoMegaflopsPerImageForwardInEitherLayout(boolean channelsLast) {
        long conv1 = 2L * 3 * 3 * 1 * 32 * 26 * 26;      //    389,376
        long conv2 = 2L * 3 * 3 * 32 * 64 * 24 * 24;     // 21,233,664
        long fc1 = 2L * 2304 * 100;                      //    460,800
        long fc2 = 2L * 100 * 10;                        //      2,000
        NetworkFlops flops = NetworkFlops.of(ArticleCnn.builder().channelsLast(channelsLast).configuration(),
                InputType.convolutional(28, 28, 1));
        assertEquals(List.of(conv1, conv2, fc1, fc2),
                flops.layers().stream().map(NetworkFlops.LayerFlops::forward).toList());
        assertEquals(22_085_840L, flops.forwardPerImage());
        assertEquals(66_257_520L, flops.trainingPerImage());
    }

    @Test
    void layersItCannotCountAreRefusedByName() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new Upsampling2D.Builder(2).build())
                .setInputType(InputType.convolutional(4, 4, 1)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkFlops.of(conf, InputType.convolutional(4, 4, 1)));
        assertEquals(true, e.getMessage().contains("Upsampling2D"), e.getMessage());
    }
}
