package org.quantcourse.rounding;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.quantcourse.quant.Granularity;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.QuantizedTensor;
import org.quantcourse.quant.Quantizer;

/**
 * The grid of a 2-D weight as arrays of its shape: scale {@code s} and zero-point {@code z} broadcast per element
 * (per tensor, or per channel on either axis), with codes {@code qmin..qmax} and value {@code (q - z) s}.
 */
final class DenseGrid {
    private final QuantParams params;
    private final long[] shape;
    private final INDArray scales;
    private final INDArray zeroPoints;

    private DenseGrid(QuantParams params, long[] shape, INDArray scales, INDArray zeroPoints) {
        this.params = params;
        this.shape = shape;
        this.scales = scales;
        this.zeroPoints = zeroPoints;
    }

    /** The grid of {@code params} over a weight of {@code weights}' shape; uniform, per tensor or per channel, 2-D. */
    static DenseGrid of(QuantParams params, INDArray weights) {
        long[] shape = weights.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException("learned rounding works on dense weights [nIn, nOut], got shape "
                    + Arrays.toString(shape) + ": reshape a conv weight or keep it at round-to-nearest");
        }
        if (!params.scheme().isUniform() || params.granularity() instanceof Granularity.PerGroup) {
            throw new IllegalArgumentException("learned rounding needs a uniform grid per tensor or per channel, got "
                    + params + ": use Quantizer.symmetric/asymmetric(..).perTensor() or perChannel(axis)");
        }
        return new DenseGrid(params, shape, broadcast(params.scales(), params, shape),
                broadcast(toFloat(params.zeroPoints()), params, shape));
    }

    /** Round-to-nearest codes, computed by the library quantizer on these parameters. */
    QuantizedTensor nearest(INDArray weights) {
        return Quantizer.of(params.scheme(), params.bits()).quantize(weights, params);
    }

    /** {@code floor(w / s)} as FLOAT, the code below each weight before its zero-point. */
    INDArray floorOf(INDArray weights) {
        return Transforms.floor(weights.castTo(DataType.FLOAT).div(scales), false);
    }

    /** The value {@code (clamp(down + z + up, qmin, qmax) - z) s} of a real-valued rounding {@code up} in [0, 1]. */
    INDArray value(INDArray down, INDArray up) {
        INDArray q = clampCodes(down.add(zeroPoints).addi(up));
        return q.subi(zeroPoints).muli(scales);
    }

    /** 1 where both {@code down + z} and {@code down + z + 1} are codes (rounding can move the value), else 0. */
    INDArray movable(INDArray down) {
        INDArray lower = down.add(zeroPoints);
        INDArray aboveMin = lower.gte(params.qmin()).castTo(DataType.FLOAT);
        return aboveMin.muli(lower.add(1).lte(params.qmax()).castTo(DataType.FLOAT));
    }

    /** The stored tensor of hard choices {@code up} in {0, 1}: codes {@code clamp(down + z + up)}. */
    QuantizedTensor tensor(INDArray down, INDArray up) {
        INDArray q = clampCodes(down.add(zeroPoints).addi(up));
        int[] codes = Arrays.stream(q.dup('c').reshape(q.length()).toDoubleVector()).mapToInt(v -> (int) Math.rint(v))
                .toArray();
        return params.withCodes(codes, shape);
    }

    /** The per-element scales. */
    INDArray scales() {
        return scales;
    }

    /** The per-element zero-points (as FLOAT). */
    INDArray zeroPoints() {
        return zeroPoints;
    }

    /** The smallest code. */
    int qmin() {
        return params.qmin();
    }

    /** The largest code. */
    int qmax() {
        return params.qmax();
    }

    private INDArray clampCodes(INDArray q) {
        return Transforms.min(Transforms.max(q, params.qmin(), false), params.qmax(), false);
    }

    private static INDArray broadcast(float[] values, QuantParams params, long[] shape) {
        INDArray v = Nd4j.createFromArray(values);
        if (values.length == 1) {
            return Nd4j.zeros(DataType.FLOAT, shape).addi(values[0]);
        }
        int axis = ((Granularity.PerChannel) params.granularity()).axis();
        INDArray grid = Nd4j.zeros(DataType.FLOAT, shape);
        return axis == 0 ? grid.addiColumnVector(v.reshape(shape[0], 1)) : grid.addiRowVector(v.reshape(1, shape[1]));
    }

    private static float[] toFloat(int[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = values[i];
        }
        return f;
    }
}
