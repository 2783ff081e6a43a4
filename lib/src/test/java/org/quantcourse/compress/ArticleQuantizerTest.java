package org.quantcourse.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class ArticleQuantizerTest {
    private static final long SEED = 5L;

    @Test
    void formulaOnHandComputedValues() {
        // (w / 255) * 2^8, round half to even, clamp to [0, 255]
        assertEquals(0f, ArticleQuantizer.quantize(0.3f, 8)); // 0.301
        assertEquals(1f, ArticleQuantizer.quantize(0.6f, 8)); // 0.602
        assertEquals(0f, ArticleQuantizer.quantize(-0.6f, 8)); // negative -> clamped to 0
        assertEquals(0f, ArticleQuantizer.quantize(0.498046875f, 8)); // exactly 0.5 -> 0 (half to even)
        assertEquals(201f, ArticleQuantizer.quantize(200f, 8)); // 200.78
        assertEquals(255f, ArticleQuantizer.quantize(300f, 8)); // 301.2 -> clamped to 255
        assertEquals(1f, ArticleQuantizer.quantize(40f, 2)); // 0.627
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {1, 2, 4, 6, 7, 8})
    void leavesTheOriginalUntouchedAndKeepsOnlyWeightsAboveTheThreshold(int bits) {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        INDArray before = net.params().dup();
        MultiLayerNetwork q = ArticleQuantizer.apply(net, bits);
        assertEquals(before, net.params());
        double threshold = 127.5 / (1 << bits); // w/255*2^bits > 0.5
        for (int i : new int[] {0, 3, 4}) {
            float[] w = net.getLayer(i).getParam("W").dup().reshape(-1).toFloatVector();
            float[] qw = q.getLayer(i).getParam("W").dup().reshape(-1).toFloatVector();
            for (int k = 0; k < w.length; k++) {
                assertEquals(w[k] > threshold, qw[k] >= 1, "layer " + i + " weight " + w[k] + " -> " + qw[k]);
                assertTrue(qw[k] == 0 || qw[k] >= 1, "codes are integers");
            }
            assertEquals(net.getLayer(i).getParam("b"), q.getLayer(i).getParam("b"), "biases are not 'weight'");
        }
    }

    @Test
    void batchNormWeightAndBiasAreQuantizedLikeTheListingsBatchNorm2dBranch() {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        assertEquals(List.of(new ParamKey(0, "W"), new ParamKey(1, "gamma"), new ParamKey(1, "beta"),
                new ParamKey(3, "W"), new ParamKey(4, "W")), ArticleQuantizer.affectedParams(net));
        assertEquals("1/gamma", ArticleQuantizer.affectedParams(net).get(1).toString());
        net.getLayer(1).setParam("beta", net.getLayer(1).getParam("beta").add(-0.25));
        MultiLayerNetwork q = ArticleQuantizer.apply(net, 4);
        assertEquals(0.0, q.getLayer(1).getParam("gamma").amaxNumber().doubleValue(), "gamma about 1 -> 0 at 4 bits");
        assertEquals(0.0, q.getLayer(1).getParam("beta").amaxNumber().doubleValue(), "a beta of -0.25 -> 0");
    }

    @Test
    void makesTheOutputIndependentOfTheInput() {
        MultiLayerNetwork q = ArticleQuantizer.apply(TestNetworks.small(SEED), 4);
        INDArray out = q.output(TestNetworks.inputs(SEED, 20));
        for (int r = 1; r < 20; r++) {
            assertEquals(out.getRow(0), out.getRow(r), "row " + r);
        }
    }

    @Test
    void inPlaceOverwritesTheNetwork() {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        INDArray before = net.params().dup();
        ArticleQuantizer.applyInPlace(net, 8);
        assertNotEquals(before, net.params());
        assertTrue(net.getLayer(0).getParam("W").minNumber().doubleValue() >= 0, "no negative weight survives");
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> ArticleQuantizer.quantize(1f, 0));
        assertThrows(IllegalArgumentException.class, () -> ArticleQuantizer.quantize(1f, 17));
        assertThrows(IllegalArgumentException.class, () -> ArticleQuantizer.apply(null, 8));
    }
}
