package org.quantcourse.quant.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.quantcourse.quant.FakeQuantize;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;

class IntegerDenseLayerTest {
    private static final int BATCH = 16;
    private static final int N_IN = 64;
    private static final int N_OUT = 10;

    private record Case(INDArray x, INDArray w, INDArray b, INDArray y, IntegerDenseLayer layer) {}

    private static Case build(long seed, boolean relu) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, N_IN).muli(2).subi(0.4);
        INDArray w = Nd4j.randn(DataType.FLOAT, N_IN, N_OUT).muli(0.15);
        INDArray b = Nd4j.randn(DataType.FLOAT, N_OUT).muli(0.05);
        INDArray y = x.mmul(w).addRowVector(b);
        y = relu ? Transforms.relu(y) : y;
        QuantParams in = Quantizer.asymmetric(8).params(x);
        QuantParams out = Quantizer.asymmetric(8).params(y);
        return new Case(x, w, b, y, IntegerDenseLayer.of(w, b, in, out, relu));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void matchesTheSimulatedFloatReferenceWithinOneStep(long seed) {
        for (boolean relu : new boolean[] {false, true}) {
            Case c = build(seed, relu);
            IntegerDenseLayer layer = c.layer();
            QuantParams in = layer.inputParams();
            QuantParams out = layer.outputParams();
            // float reference: fake-quantized input and weights, bias at scale s_w * s_x, all in double
            double[][] xq = toDouble(FakeQuantize.apply(c.x(), in));
            double[][] wq = toDouble(layer.weights().dequantize());
            int[] qb = layer.biasCodes();
            int[] codes = Quantizer.asymmetric(8).quantize(c.x(), in).codes();
            int[] got = layer.forwardCodes(codes, BATCH);
            for (int n = 0; n < BATCH; n++) {
                for (int o = 0; o < N_OUT; o++) {
                    double sw = layer.weights().params().scale(o);
                    double acc = qb[o] * sw * in.scale();
                    for (int k = 0; k < N_IN; k++) {
                        acc += xq[n][k] * wq[k][o];
                    }
                    double low = relu ? out.zeroPoint() : 0;
                    double expected = Math.max(low, Math.min(255, Math.rint(acc / out.scale()) + out.zeroPoint()));
                    assertTrue(Math.abs(got[n * N_OUT + o] - expected) <= 1,
                            "row " + n + " col " + o + ": " + got[n * N_OUT + o] + " vs " + expected);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void staysWithinTheQuantizationErrorBoundOfTheFp32Layer(long seed) {
        Case c = build(seed, false);
        IntegerDenseLayer layer = c.layer();
        double sx = layer.inputParams().scale();
        double sy = layer.outputParams().scale();
        double[][] x = toDouble(c.x());
        double[][] w = toDouble(c.w());
        double[][] y = toDouble(c.y());
        double[][] got = toDouble(layer.forward(c.x()));
        for (int n = 0; n < BATCH; n++) {
            for (int o = 0; o < N_OUT; o++) {
                double sw = layer.weights().params().scale(o);
                // |x w - x' w'| <= sum |x| sw/2 + (|w| + sw/2) sx/2; bias sw sx / 2; output rounding and M: sy
                double bound = sw * sx / 2 + sy;
                for (int k = 0; k < N_IN; k++) {
                    bound += Math.abs(x[n][k]) * sw / 2 + (Math.abs(w[k][o]) + sw / 2) * sx / 2;
                }
                assertTrue(Math.abs(got[n][o] - y[n][o]) <= bound, got[n][o] + " vs " + y[n][o] + " bound " + bound);
            }
        }
    }

    @Test
    void biasIsInt32AtScaleOfWeightTimesInput() {
        Case c = build(9, false);
        IntegerDenseLayer layer = c.layer();
        float[] b = c.b().toFloatVector();
        for (int o = 0; o < N_OUT; o++) {
            double scale = (double) layer.weights().params().scale(o) * layer.inputParams().scale();
            assertEquals(Math.rint(b[o] / scale), layer.biasCodes()[o]);
            assertEquals(scale / layer.outputParams().scale(), layer.multipliers()[o].value(), scale * 1e-6);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        Case c = build(3, false);
        QuantParams in = c.layer().inputParams();
        QuantParams sym = QuantParams.symmetric(8, 0.1f);
        assertThrows(IllegalArgumentException.class, () -> IntegerDenseLayer.of(c.w(), c.b(), sym, in, false));
        assertThrows(IllegalArgumentException.class,
                () -> IntegerDenseLayer.of(c.w(), Nd4j.zeros(DataType.FLOAT, 3), in, in, false));
        assertThrows(IllegalArgumentException.class, () -> c.layer().forwardCodes(new int[5], 1));
        assertThrows(IllegalArgumentException.class, () -> c.layer().forward(Nd4j.zeros(DataType.FLOAT, 2, 3)));
    }

    private static double[][] toDouble(INDArray a) {
        float[][] f = a.toFloatMatrix();
        double[][] d = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            d[i] = new double[f[i].length];
            for (int j = 0; j < f[i].length; j++) {
                d[i][j] = f[i][j];
            }
        }
        return d;
    }
}
