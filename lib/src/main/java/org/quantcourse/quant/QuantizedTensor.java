package org.quantcourse.quant;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Integer codes of a tensor (C order) with its shape and the parameters to dequantize them. Immutable: arrays are
 * copied in and out. Used in notebook 02.
 *
 * @param codes one code per value, each inside {@code [qmin, qmax]} of {@code params}
 * @param shape the tensor's shape
 * @param params scheme, bit width and one scale and zero-point per group
 */
public record QuantizedTensor(int[] codes, long[] shape, QuantParams params) {

    /** Checks that codes, shape and parameters fit together; copies the arrays. */
    public QuantizedTensor {
        if (codes == null || shape == null || params == null) {
            throw new IllegalArgumentException("codes, shape and params must not be null");
        }
        Shapes.check(shape);
        codes = codes.clone();
        shape = shape.clone();
        checkFits(codes, shape, params);
    }

    /** Rebuilds a tensor from {@link #packed()} bytes. */
    public static QuantizedTensor fromPacked(byte[] packed, long[] shape, QuantParams params) {
        Shapes.check(shape);
        int[] stored = BitPacker.unpack(packed, params.storageBits(), (int) Shapes.length(shape));
        int[] codes = new int[stored.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = params.fromUnsigned(stored[i]);
        }
        return new QuantizedTensor(codes, shape, params);
    }

    /** A copy of the codes. */
    @Override
    public int[] codes() {
        return codes.clone();
    }

    /** A copy of the shape. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of values. */
    public int size() {
        return codes.length;
    }

    /** The dequantized values {@code s * (q - z)} as a FLOAT array of the original shape. */
    public INDArray dequantize() {
        return TensorData.toArray(toFloatArray(), shape);
    }

    /** The dequantized values {@code s * (q - z)} in C order. */
    public float[] toFloatArray() {
        GroupLayout layout = GroupLayout.of(params.granularity(), shape);
        float[] scales = params.scales();
        int[] zeroPoints = params.zeroPoints();
        float[] out = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            int g = layout.groupOf(i);
            out[i] = Affine.value(codes[i], scales[g], zeroPoints[g]);
        }
        return out;
    }

    /** The codes as an INT32 array of the original shape (for display). */
    public INDArray codesArray() {
        return Nd4j.createFromArray(codes).castTo(DataType.INT32).reshape('c', shape);
    }

    /** The codes packed densely, {@code params.storageBits()} bits each (see {@link BitPacker}). */
    public byte[] packed() {
        int[] stored = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            stored[i] = params.toUnsigned(codes[i]);
        }
        return BitPacker.pack(stored, params.storageBits());
    }

    /** Bytes of the packed codes. */
    public long packedBytes() {
        return BitPacker.packedLength(codes.length, params.storageBits());
    }

    /** Bytes of the packed codes plus one float scale per group and, if asymmetric, one int zero-point per group. */
    public long storedBytes() {
        int perGroup = params.scheme() == Scheme.ASYMMETRIC ? 8 : 4;
        return packedBytes() + (long) perGroup * params.groups();
    }

    /** Bytes the same values take as FP32. */
    public long fp32Bytes() {
        return 4L * codes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantizedTensor t && Arrays.equals(codes, t.codes) && Arrays.equals(shape, t.shape)
                && params.equals(t.params);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(codes) + Arrays.hashCode(shape)) + params.hashCode();
    }

    @Override
    public String toString() {
        return "QuantizedTensor[shape=" + Arrays.toString(shape) + ", " + params + "]";
    }

    private static void checkFits(int[] codes, long[] shape, QuantParams params) {
        if (codes.length != Shapes.length(shape)) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + Shapes.length(shape)
                    + " values but " + codes.length + " codes were given: codes and shape must match");
        }
        GroupLayout.matching(params, shape);
        for (int i = 0; i < codes.length; i++) {
            if (!params.isValidCode(codes[i])) {
                throw new IllegalArgumentException("code " + codes[i] + " at flat index " + i + " is not a "
                        + params.scheme() + " code: allowed " + params.qmin() + ".." + params.qmax()
                        + (params.scheme() == Scheme.BINARY ? " except 0" : ""));
            }
        }
    }
}
