package org.quantcourse.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class StaticQuantizerTest {
    private static MultiLayerNetwork net;
    private static QuantizedModel model;

    @BeforeAll
    static void quantize() {
        net = SmallCnn.network(5);
        model = StaticQuantizer.quantize(net, SmallCnn.images(6, 200));
    }

    @Test
    void theCourseCnnBecomesConvConvPoolFlattenDenseDense() {
        assertEquals(List.of(QuantizedConv.class, QuantizedConv.class, QuantizedAvgPool.class, QuantizedFlatten.class,
                QuantizedDense.class, QuantizedDense.class), model.layers().stream().map(Object::getClass).toList());
        assertEquals(List.of("conv1", "conv2", "pool", "flatten", "fc1", "fc2"),
                model.layers().stream().map(QuantizedLayer::name).toList());
        assertEquals(10, model.classes());
    }

    @Test
    void everyWeightRowIsSymmetricInt8WithItsLargestMagnitudeAt127() {
        for (QuantizedLayer layer : model.layers()) {
            QuantizedWeights w = layer instanceof QuantizedConv c ? c.weights()
                    : layer instanceof QuantizedDense d ? d.weights() : null;
            if (w == null) {
                continue;
            }
            assertEquals(0, w.zeroPoint());
            for (int o = 0; o < w.outputs(); o++) {
                int max = 0;
                for (int k = 0; k < w.depth(); k++) {
                    max = Math.max(max, Math.abs(w.code(o, k)));
                }
                assertEquals(127, max, layer.name() + " row " + o);
            }
        }
    }

    @Test
    void convWeightsAreReorderedToTheNhwcPatchOrder() {
        QuantizedConv conv2 = (QuantizedConv) model.layer("conv2");
        INDArray w = net.getLayer(1).getParam("W"); // [O, I, kh, kw]
        int o = 5;
        int c = 7;
        int ky = 2;
        int kx = 1;
        double expected = w.getDouble(o, c, ky, kx);
        double got = conv2.weights().value(o, (ky * 3 + kx) * 32 + c);
        assertEquals(expected, got, conv2.weights().scales()[o] / 2 + 1e-9);
    }

    @Test
    void biasesAreInt32AtScaleOfWeightTimesInput() {
        QuantizedDense fc1 = (QuantizedDense) model.layer("fc1");
        INDArray b = net.getLayer(3).getParam("b");
        for (int o = 0; o < fc1.outputLength(); o++) {
            double scale = (double) fc1.weights().scales()[o] * fc1.input().scale();
            assertEquals(b.getDouble(o), fc1.bias()[o] * scale, scale / 2 + 1e-12);
        }
    }

    @Test
    void thePoolAndFlattenKeepTheirInputsQuantization() {
        assertEquals(model.layer("conv2").output(), model.layer("pool").output());
        assertEquals(model.layer("conv2").output(), model.layer("flatten").output());
    }

    @Test
    void anUnsupportedLayerIsRejectedWithItsName() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("c").nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("maxpool").kernelSize(2, 2)
                        .stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(12, 12, 1)).build();
        MultiLayerNetwork maxPool = new MultiLayerNetwork(conf);
        maxPool.init();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StaticQuantizer.quantize(maxPool, SmallCnn.images(1, 10)));
        assertTrue(e.getMessage().contains("maxpool"), e.getMessage());
    }

    @Test
    void imagesOfTheWrongShapeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> model.quantizeImages(SmallCnn.images(1, 2).reshape(2, 144)));
    }
}
