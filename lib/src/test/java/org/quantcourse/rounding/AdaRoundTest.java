package org.quantcourse.rounding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.QuantizedTensor;
import org.quantcourse.quant.Quantizer;

class AdaRoundTest {
    private static final int INPUTS = 48;
    private static final int OUTPUTS = 12;
    private static final int ROWS = 256;
    private static final double GRADIENT_TOLERANCE = 2e-2;
    private static final float FINITE_STEP = 1e-2f;

    /** A seeded layer: Gaussian weights and correlated ReLU-like inputs (so that rounding errors can cancel). */
    static INDArray[] layer(long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray w = Nd4j.randn(DataType.FLOAT, INPUTS, OUTPUTS).muli(0.2);
        INDArray mixing = Nd4j.randn(DataType.FLOAT, INPUTS, INPUTS);
        INDArray x = Nd4j.randn(DataType.FLOAT, ROWS, INPUTS).mmul(mixing).divi(Math.sqrt(INPUTS)).addi(0.5);
        return new INDArray[] {w, Nd4j.getExecutioner().exec(
                new org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear(x)).castTo(DataType.FLOAT)};
    }

    static QuantParams grid(int bits, INDArray w) {
        return Quantizer.symmetric(bits).perChannel(1).params(w);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void learnedRoundingHasALowerOutputErrorThanNearest(int bits) {
        for (long seed = 1; seed <= 3; seed++) {
            INDArray[] l = layer(seed);
            QuantParams params = grid(bits, l[0]);
            QuantizedTensor nearest = WeightRounding.nearest().round(l[0], params, l[1]);
            QuantizedTensor learned = AdaRound.defaults().iterations(1000).round(l[0], params, l[1]);
            double nearestMse = LayerInputs.outputMse(l[1], l[0], nearest.dequantize());
            double learnedMse = LayerInputs.outputMse(l[1], l[0], learned.dequantize());
            assertTrue(learnedMse < 0.9 * nearestMse, bits + " bits, seed " + seed + ": AdaRound " + learnedMse
                    + " against nearest " + nearestMse);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void keepsTheGridAndMovesEachCodeByAtMostOneStep(int bits) {
        INDArray[] l = layer(11);
        QuantParams params = grid(bits, l[0]);
        QuantizedTensor learned = AdaRound.defaults().iterations(50).round(l[0], params, l[1]);
        int[] nearest = WeightRounding.nearest().round(l[0], params, l[1]).codes();
        int[] codes = learned.codes();
        assertEquals(params, learned.params(), "the grid is the quantizer's");
        for (int i = 0; i < codes.length; i++) {
            assertTrue(Math.abs(codes[i] - nearest[i]) <= 1, "code " + i + " is up or down, not further");
        }
    }

    @Test
    void nearestIsTheLibraryQuantizer() {
        INDArray[] l = layer(5);
        QuantParams params = grid(3, l[0]);
        assertArrayEquals(Quantizer.symmetric(3).perChannel(1).quantize(l[0]).codes(),
                WeightRounding.nearest().round(l[0], params, l[1]).codes());
    }

    @Test
    void startsAtTheFractionalPart() {
        INDArray rest = Nd4j.createFromArray(0.0f, 0.25f, 0.5f, 0.99f);
        assertArrayEquals(rest.toFloatVector(), AdaRound.softRounding(AdaRound.initialV(rest)).toFloatVector(), 1e-5f);
    }

    @Test
    void regularizerIsZeroAtHardRoundingAndOneAtAHalf() {
        assertEquals(0, AdaRound.regularizer(Nd4j.createFromArray(0f, 1f, 1f, 0f), 2), 1e-9);
        assertEquals(1, AdaRound.regularizer(Nd4j.createFromArray(0.5f), 20), 1e-9);
    }

    @Test
    void betaIsAnnealedFromStartToEndAfterTheWarmUp() {
        AdaRound a = AdaRound.defaults().iterations(101).annealing(0.2, 20, 2);
        assertTrue(Double.isNaN(a.beta(19)), "no regulariser in the warm-up");
        assertEquals(20, a.beta(20), 1e-9);
        assertEquals(2, a.beta(100), 1e-9);
    }

    @Test
    void gradientMatchesFiniteDifferencesOfTheLoss() {
        INDArray[] l = layer(3);
        QuantParams params = grid(3, l[0]);
        AdaRound a = AdaRound.defaults().iterations(10).annealing(0.0, 4, 4).regularization(0.5);
        DenseGrid g = DenseGrid.of(params, l[0]);
        INDArray down = g.floorOf(l[0]);
        INDArray v = AdaRound.initialV(l[0].div(g.scales()).subi(down)).muli(0.5);
        INDArray analytic = a.gradient(v, l[0], l[1], g, down, 5);
        for (int i : new int[] {0, 7, 100, 301, 555}) {
            INDArray plus = v.dup();
            INDArray minus = v.dup();
            plus.putScalar(i, v.getFloat(i) + FINITE_STEP);
            minus.putScalar(i, v.getFloat(i) - FINITE_STEP);
            double numeric = (a.loss(plus, l[0], params, l[1], 4) - a.loss(minus, l[0], params, l[1], 4))
                    / (2 * FINITE_STEP);
            double scale = Math.max(1e-3, Math.abs(numeric));
            assertEquals(numeric, analytic.getDouble(i), GRADIENT_TOLERANCE * scale + 1e-4, "dL/dV at " + i);
        }
    }

    @Test
    void rejectsInputsThatDoNotFitTheWeight() {
        INDArray[] l = layer(2);
        QuantParams params = grid(3, l[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdaRound.defaults().round(l[0], params, l[1].getColumns(0, 1, 2)));
        assertTrue(e.getMessage().contains("[n >= 1, nIn]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AdaRound.defaults().round(l[0], Quantizer.symmetric(3).perGroup(4, 1).params(l[0]), l[1]));
    }
}
