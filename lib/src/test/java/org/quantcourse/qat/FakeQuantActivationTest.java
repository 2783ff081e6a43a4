package org.quantcourse.qat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.quantcourse.dl4jfix.Dl4jFixes;
import org.quantcourse.quant.FakeQuantize;
import org.quantcourse.quant.QuantParams;

class FakeQuantActivationTest {

    private static final float LOWER = 0f;
    private static final float UPPER = 2f;
    private static final double H = 1e-3;

    private static float[] values(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() * 3 - 0.5);
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void forwardIsTheCoursesFakeQuantizationOnTheCalibratedRange(int bits) {
        FakeQuantActivation layer = FakeQuantActivation.of("a", bits, LOWER, UPPER, SteMode.CLIPPED);
        float[] x = values(500, bits);
        QuantParams p = layer.params();
        float[] expected = FakeQuantize.apply(x, p.scale(), p.zeroPoint(), p.qmin(), p.qmax());
        assertArrayEquals(expected, layer.fakeQuantize(Nd4j.create(x)).toFloatVector());
    }

    /** Network: input (4 values) → fake-quant → dense output layer with identity activation and MSE loss. */
    private static MultiLayerNetwork network(SteMode ste) {
        var conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT).list()
                .layer(FakeQuantActivation.of("act", 8, LOWER, UPPER, ste))
                .layer(new OutputLayer.Builder(LossFunction.MSE).nOut(3).activation(Activation.IDENTITY).build())
                .setInputType(InputType.feedForward(4)).build();
        return Dl4jFixes.initialized(conf, false);
    }

    /** The estimator's surrogate of the fake quantizer: identity (plain) or clamp to the range (clipped). */
    private static double surrogate(double x, SteMode ste) {
        return ste == SteMode.PLAIN ? x : Math.max(LOWER, Math.min(UPPER, x));
    }

    @ParameterizedTest
    @EnumSource(SteMode.class)
    void backwardIsTheFiniteDifferenceGradientOfTheEstimatorsSurrogate(SteMode ste) {
        Layer layer = network(ste).getLayer(0);
        float[] xs = {-0.3f, 0.5f, 1.2f, 2.6f, 0.1f, 1.9f, 2.1f, -1f};
        float[] eps = values(xs.length, 3);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(Nd4j.create(xs, new long[] {2, 4}, 'c'), mgr);
        layer.activate(true, mgr);
        float[] g = layer.backpropGradient(Nd4j.create(eps, new long[] {2, 4}, 'c'), mgr).getSecond().dup('c').reshape(xs.length).toFloatVector();
        for (int i = 0; i < xs.length; i++) {
            double fd = eps[i] * (surrogate(xs[i] + H, ste) - surrogate(xs[i] - H, ste)) / (2 * H);
            assertEquals(fd, g[i], 1e-4, ste + " STE at x = " + xs[i]);
        }
    }

    @Test
    void clippedMaskIsOneInsideTheRangeOnly() {
        FakeQuantActivation layer = FakeQuantActivation.of("a", 8, LOWER, UPPER, SteMode.CLIPPED);
        assertArrayEquals(new float[] {0, 1, 1, 1, 0},
                layer.gradientMask(Nd4j.create(new float[] {-0.1f, 0f, 1f, 2f, 2.1f})).toFloatVector());
        assertArrayEquals(new float[] {1, 1, 1},
                FakeQuantActivation.of("a", 8, LOWER, UPPER, SteMode.PLAIN).gradientMask(Nd4j.create(new float[] {-5, 1, 5})).toFloatVector());
    }

    @Test
    void badRangesAndBitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FakeQuantActivation.of("a", 8, 1f, 1f, SteMode.PLAIN));
        assertThrows(IllegalArgumentException.class, () -> FakeQuantActivation.of("a", 8, 0f, Float.NaN, SteMode.PLAIN));
        assertThrows(IllegalArgumentException.class, () -> FakeQuantActivation.of("a", 0, 0f, 1f, SteMode.PLAIN));
        assertThrows(IllegalArgumentException.class, () -> FakeQuantActivation.of("a", 8, 0f, 1f, null));
    }
}
