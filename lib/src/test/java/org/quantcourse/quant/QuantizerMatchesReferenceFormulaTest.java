package org.quantcourse.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Rint;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Bits x scheme x granularity x layout: the quantizer's scales follow the course's conventions group by group,
 * and its fake-quantized values agree bit for bit with {@code (clamp(rint(x * (1/s)) + z, qmin, qmax) - z) * s}
 * (PyTorch's fake_quantize order)
 * evaluated by ND4J with per-element scale and zero-point arrays built from the layout's own index arithmetic.
 * The only difference allowed is the sign of zero: codes are integers, so a value that rounds to zero is +0.0.
 */
class QuantizerMatchesReferenceFormulaTest {
    private static final int GROUP = 3;

    enum Layout { CONV, DENSE }

    enum Grain { TENSOR, CHANNEL, GROUP }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int bits = 1; bits <= 16; bits++) {
            for (String scheme : List.of("symmetric", "restricted", "asymmetric")) {
                if (bits == 1 && !scheme.equals("asymmetric")) {
                    continue;
                }
                for (Grain grain : Grain.values()) {
                    for (Layout layout : Layout.values()) {
                        out.add(Arguments.of(bits, scheme, grain, layout));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} bits {1} {2} {3}")
    @MethodSource("cases")
    void fakeQuantizeAgreesBitForBitWithTheFormula(int bits, String scheme, Grain grain, Layout layout) {
        long[] shape = layout == Layout.CONV ? TestTensors.CONV : TestTensors.DENSE;
        INDArray x = TestTensors.weights(bits * 31L + grain.ordinal(), shape);
        Quantizer q = quantizer(bits, scheme, grain, layout);
        QuantizedTensor qt = q.quantize(x);

        int[] group = groupIndex(layout, grain, shape);
        float[][] expected = expectedScalesAndZeroPoints(x.dup('c').reshape(-1).toFloatVector(), group, q);
        assertArrayEquals(expected[0], qt.params().scales());
        assertArrayEquals(expected[1], toFloat(qt.params().zeroPoints()));

        INDArray s = perElement(expected[0], group, shape);
        INDArray z = perElement(expected[1], group, shape);
        INDArray v = x.mul(s.rdiv(1f));
        INDArray r = Nd4j.getExecutioner().exec(new Rint(v, v.ulike())).add(z);
        INDArray clamped = Transforms.min(Transforms.max(r, q.qmin()), q.qmax());
        // + 0 turns the float formula's -0.0 (from rint of a small negative value) into the +0.0 an integer code gives
        INDArray reference = clamped.sub(z).mul(s).add(0.0);
        assertArrayEquals(reference.dup('c').reshape(-1).toFloatVector(),
                qt.dequantize().dup('c').reshape(-1).toFloatVector());
    }

    private static Quantizer quantizer(int bits, String scheme, Grain grain, Layout layout) {
        Quantizer q = scheme.equals("asymmetric") ? Quantizer.asymmetric(bits) : Quantizer.symmetric(bits);
        q = scheme.equals("restricted") ? q.restrictedRange() : q;
        int channelAxis = layout == Layout.CONV ? 0 : 1;
        return switch (grain) {
            case TENSOR -> q.perTensor();
            case CHANNEL -> q.perChannel(channelAxis);
            case GROUP -> q.perGroup(GROUP, channelAxis);
        };
    }

    /** Group of every value, from the layouts' meaning: conv [out,in,kh,kw]; dense [nIn,nOut]. */
    private static int[] groupIndex(Layout layout, Grain grain, long[] shape) {
        int n = (int) Shapes.length(shape);
        int[] g = new int[n];
        if (layout == Layout.CONV) {
            int perOut = (int) (shape[1] * shape[2] * shape[3]);
            for (int o = 0; o < shape[0]; o++) {
                for (int k = 0; k < perOut; k++) {
                    g[o * perOut + k] = grain == Grain.TENSOR ? 0 : grain == Grain.CHANNEL ? o : o * (perOut / GROUP) + k / GROUP;
                }
            }
        } else {
            int nIn = (int) shape[0];
            int nOut = (int) shape[1];
            for (int in = 0; in < nIn; in++) {
                for (int out = 0; out < nOut; out++) {
                    g[in * nOut + out] = grain == Grain.TENSOR ? 0 : grain == Grain.CHANNEL ? out : out * (nIn / GROUP) + in / GROUP;
                }
            }
        }
        return g;
    }

    /** The course's conventions: symmetric s = max|x|/(2^(b-1)-1); asymmetric range widened to include 0. */
    private static float[][] expectedScalesAndZeroPoints(float[] x, int[] group, Quantizer q) {
        int groups = java.util.Arrays.stream(group).max().getAsInt() + 1;
        float[] lo = new float[groups];
        float[] hi = new float[groups];
        for (int i = 0; i < x.length; i++) {
            lo[group[i]] = Math.min(lo[group[i]], x[i]);
            hi[group[i]] = Math.max(hi[group[i]], x[i]);
        }
        float[] s = new float[groups];
        float[] z = new float[groups];
        int bits = q.bits();
        for (int g = 0; g < groups; g++) {
            if (q.scheme() == Scheme.SYMMETRIC) {
                s[g] = Math.max(-lo[g], hi[g]) / ((1 << (bits - 1)) - 1);
            } else {
                // in float32, like PyTorch's observer: (max - min) rounded, then divided
                s[g] = (hi[g] - lo[g]) / ((1 << bits) - 1);
                z[g] = (float) Math.min((1 << bits) - 1, Math.max(0, -Math.rint(lo[g] / s[g])));
            }
        }
        return new float[][] {s, z};
    }

    private static INDArray perElement(float[] perGroup, int[] group, long[] shape) {
        float[] v = new float[group.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = perGroup[group[i]];
        }
        return Nd4j.create(v, shape, 'c');
    }

    private static float[] toFloat(int[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
