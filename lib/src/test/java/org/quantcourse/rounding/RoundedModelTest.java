package org.quantcourse.rounding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.data.DatasetSplit;
import org.quantcourse.data.MnistSample;

class RoundedModelTest {
    private static final long SEED = 5;
    private static MultiLayerNetwork net;
    private static INDArray calibration;
    private static INDArray held;

    @BeforeAll
    static void trainASmallNetwork() {
        DatasetSplit data = MnistSample.load().limit(1500, 200);
        net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(SEED).dataType(DataType.FLOAT)
                .updater(new Adam(0.003)).list()
                .layer(new DenseLayer.Builder().nOut(24).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build());
        net.init();
        net.fit(data.train().iterator(64, SEED), 2);
        calibration = data.train().limit(256).features();
        held = data.test().features();
    }

    @Test
    void roundsEveryQuantizedDenseLayerOnTheSameGridAndSize() {
        QuantSpec spec = QuantSpec.symmetric(3).perChannel();
        RoundedModel rounded = RoundedModel.of(net, spec, AdaRound.defaults().iterations(100), calibration);
        assertEquals(Set.of(0, 1), rounded.roundedLayers());
        assertEquals(ModelQuantizer.quantize(net, spec).sizeReport().storedBytes(),
                rounded.model().sizeReport().storedBytes());
        RoundedModel nearest = RoundedModel.of(net, spec, WeightRounding.nearest(), calibration);
        assertTrue(rounded.outputMse(0, held) < nearest.outputMse(0, held), "lower output error on unseen inputs");
    }

    @Test
    void layersKeptFloatAreNotRounded() {
        RoundedModel rounded = RoundedModel.of(net, QuantSpec.symmetric(3).perChannel().keepFloat(0),
                WeightRounding.nearest(), calibration);
        assertEquals(Set.of(1), rounded.roundedLayers());
    }

    @Test
    void inputsOfADenseLayerAreItsFlattenedInput() {
        assertEquals(784, LayerInputs.of(net, 0, calibration).size(1));
        assertEquals(24, LayerInputs.of(net, 1, calibration).size(1));
        assertThrows(IllegalArgumentException.class, () -> LayerInputs.of(net, 2, calibration));
    }
}
