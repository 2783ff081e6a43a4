package org.quantcourse.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.quantcourse.formats.TinyCnn;

class SiteForwardTest {
    private static final long SEED = 17;
    /** Float tolerance between DL4J's fused output layer and the written-out logits + softmax. */
    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> networks() {
        return Stream.of(Arguments.of("tiny NCHW CNN", TinyCnn.network(SEED), TinyCnn.SIDE),
                Arguments.of("article CNN, channels-last", TinyCnn.articleCnn(SEED), 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void withTheIdentityHookItIsTheNetworksOwnOutput(String name, MultiLayerNetwork net, int side) {
        INDArray x = TinyCnn.images(16, side, SEED);
        assertTrue(net.output(x, false).equalsWithEps(SiteForward.output(net, x, SiteHook.identity()), TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void sitesAreTheLayerOutputsOfFeedForwardAndTheLogits(String name, MultiLayerNetwork net, int side) {
        INDArray x = TinyCnn.images(8, side, SEED);
        List<INDArray> sites = new ArrayList<>();
        INDArray out = SiteForward.output(net, x, (site, a) -> {
            sites.add(a.dup());
            return a;
        });
        List<INDArray> ff = net.feedForward(x, false);
        assertEquals(SiteForward.siteCount(net), sites.size());
        for (int s = 0; s < sites.size() - 1; s++) {
            assertArrayEquals(ff.get(s).shape(), sites.get(s).shape(), "site " + s);
            assertTrue(ff.get(s).equalsWithEps(sites.get(s), TOLERANCE), "site " + s);
        }
        assertTrue(Transforms.softmax(sites.get(sites.size() - 1)).equalsWithEps(out, TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void aHookMayReturnFreshContiguousCopies(String name, MultiLayerNetwork net, int side) {
        INDArray x = TinyCnn.images(8, side, SEED);
        INDArray copied = SiteForward.output(net, x,
                (site, a) -> Nd4j.create(a.dup('c').reshape(a.length()).toFloatVector(), a.shape(), 'c'));
        assertTrue(net.output(x, false).equalsWithEps(copied, TOLERANCE));
    }

    @Test
    void siteNamesAreTheInputAndTheLayerNames() {
        assertEquals(List.of("input", "conv1", "conv2", "pool", "fc1", "fc2 logits"),
                SiteForward.siteNames(TinyCnn.articleCnn(SEED)));
    }
}
