package org.quantcourse.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.factory.Nd4j;

/** One dense layer run by the integer engine against float references (formerly IntegerDenseLayer's tests). */
class QuantizedDenseTest {
    private static final int BATCH = 16;
    private static final int N_IN = 64;
    private static final int N_OUT = 10;
    /** The engine against the exact real-number formula on the same codes: gemmlowp's double rounding adds 1. */
    private static final int MAX_STEPS_FROM_EXACT = 1;

    private record Case(float[][] x, float[][] w, float[] b, float[][] y, QuantizedDense layer) {
        IntegerEngine engine() {
            return IntegerEngine.of(new QuantizedModel(1, 1, N_IN, List.of(layer)));
        }

        int[] inputCodes() {
            int[] codes = new int[BATCH * N_IN];
            for (int n = 0; n < BATCH; n++) {
                for (int k = 0; k < N_IN; k++) {
                    codes[n * N_IN + k] = layer.input().quantize(x[n][k]);
                }
            }
            return codes;
        }
    }

    private static Case build(long seed, boolean relu) {
        Random random = new Random(seed);
        float[][] x = new float[BATCH][N_IN];
        float[][] w = new float[N_OUT][N_IN];
        float[] b = new float[N_OUT];
        for (float[] row : x) {
            for (int k = 0; k < N_IN; k++) {
                row[k] = random.nextFloat() * 2 - 0.4f;
            }
        }
        for (int o = 0; o < N_OUT; o++) {
            b[o] = (float) random.nextGaussian() * 0.05f;
            for (int k = 0; k < N_IN; k++) {
                w[o][k] = (float) random.nextGaussian() * 0.15f;
            }
        }
        float[][] y = new float[BATCH][N_OUT];
        for (int n = 0; n < BATCH; n++) {
            for (int o = 0; o < N_OUT; o++) {
                double sum = b[o];
                for (int k = 0; k < N_IN; k++) {
                    sum += (double) x[n][k] * w[o][k];
                }
                y[n][o] = (float) (relu ? Math.max(0, sum) : sum);
            }
        }
        ActivationQuant in = ActivationQuant.fromRange(min(x), max(x));
        ActivationQuant out = ActivationQuant.fromRange(min(y), max(y));
        QuantizedWeights qw = QuantizedWeights.symmetricPerChannel(w);
        int[] qb = StaticQuantizer.biasCodes(Nd4j.createFromArray(b), qw, in);
        return new Case(x, w, b, y, new QuantizedDense("dense", qw, qb, in, out, relu));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void matchesTheRealNumberFormulaOnTheSameCodesWithinOneStep(long seed) {
        for (boolean relu : new boolean[] {false, true}) {
            Case c = build(seed, relu);
            QuantizedDense d = c.layer();
            int[] codes = c.inputCodes();
            int[] got = c.engine().forwardCodes(codes, BATCH);
            for (int n = 0; n < BATCH; n++) {
                for (int o = 0; o < N_OUT; o++) {
                    double y = (double) d.weights().scales()[o] * d.input().scale() * d.bias()[o];
                    for (int k = 0; k < N_IN; k++) {
                        y += d.input().dequantize(codes[n * N_IN + k]) * d.weights().value(o, k);
                    }
                    int expected = d.output().quantize(relu ? Math.max(0, y) : y);
                    assertTrue(Math.abs(got[n * N_OUT + o] - expected) <= MAX_STEPS_FROM_EXACT,
                            "row " + n + " col " + o + ": " + got[n * N_OUT + o] + " vs " + expected);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void staysWithinTheQuantizationErrorBoundOfTheFp32Layer(long seed) {
        Case c = build(seed, false);
        QuantizedDense d = c.layer();
        double sx = d.input().scale();
        double sy = d.output().scale();
        int[] got = c.engine().forwardCodes(c.inputCodes(), BATCH);
        for (int n = 0; n < BATCH; n++) {
            for (int o = 0; o < N_OUT; o++) {
                double sw = d.weights().scales()[o];
                // |x w - x' w'| <= sum |x| sw/2 + (|w| + sw/2) sx/2; bias sw sx / 2; output rounding and M: sy
                double bound = sw * sx / 2 + sy;
                for (int k = 0; k < N_IN; k++) {
                    bound += Math.abs(c.x()[n][k]) * sw / 2 + (Math.abs(c.w()[o][k]) + sw / 2) * sx / 2;
                }
                double value = d.output().dequantize(got[n * N_OUT + o]);
                assertTrue(Math.abs(value - c.y()[n][o]) <= bound, value + " vs " + c.y()[n][o] + " bound " + bound);
            }
        }
    }

    @Test
    void biasIsInt32AtScaleOfWeightTimesInputAndTheMultiplierIsTheirRatioToTheOutputScale() {
        Case c = build(9, false);
        QuantizedDense d = c.layer();
        for (int o = 0; o < N_OUT; o++) {
            double scale = (double) d.weights().scales()[o] * d.input().scale();
            assertEquals(ActivationQuant.roundHalfAway(c.b()[o] / scale), d.bias()[o]);
            assertEquals(scale / d.output().scale(), d.multipliers()[o].value(), scale * 1e-6);
        }
    }

    @Test
    void biasesThatDoNotFitTheOutputsAreRejected() {
        QuantizedDense d = build(3, false).layer();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QuantizedDense("dense", d.weights(), new int[3], d.input(), d.output(), false));
        assertTrue(e.getMessage().contains("3 biases for 10 outputs"), e.getMessage());
    }

    private static float min(float[][] a) {
        float m = Float.POSITIVE_INFINITY;
        for (float[] row : a) {
            for (float v : row) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    private static float max(float[][] a) {
        float m = Float.NEGATIVE_INFINITY;
        for (float[] row : a) {
            for (float v : row) {
                m = Math.max(m, v);
            }
        }
        return m;
    }
}
