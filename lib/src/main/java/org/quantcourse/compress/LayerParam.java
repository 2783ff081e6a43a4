package org.quantcourse.compress;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.quant.QuantizedTensor;

/**
 * One stored parameter of a compressed layer: FP32 values, quantized codes, or an int32 bias. Used in
 * notebook 05.
 */
public sealed interface LayerParam {

    /** The values the network gets: FP32 as stored, or dequantized. */
    INDArray toArray();

    /** The parameter's shape. */
    long[] shape();

    /** Bytes these values take as FP32. */
    long fp32Bytes();

    /** Bytes stored: packed codes with their scales and zero-points; 4 per FP32 value; 4 per int32 bias value. */
    long storedBytes();

    /** A short description for size reports, e.g. "fp32", "4-bit SYMMETRIC per-channel(axis 0)", "int32". */
    String describe();

    /** An FP32 parameter kept as it was. */
    record Float32(long[] shape, float[] values) implements LayerParam {
        /** Copies the arrays and checks they fit. */
        public Float32 {
            shape = shape.clone();
            values = values.clone();
            if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold "
                        + values.length + " values");
            }
        }

        /** Copies an array's values. */
        public static Float32 of(INDArray a) {
            return new Float32(a.shape(), a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c')
                    .reshape(a.length()).toFloatVector());
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        @Override
        public INDArray toArray() {
            return Nd4j.create(values, shape, 'c');
        }

        @Override
        public long fp32Bytes() {
            return 4L * values.length;
        }

        @Override
        public long storedBytes() {
            return 4L * values.length;
        }

        @Override
        public String describe() {
            return "fp32";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Float32 f && Arrays.equals(shape, f.shape) && Arrays.equals(values, f.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
        }
    }

    /** A quantized weight: codes plus parameters. */
    record Quantized(QuantizedTensor tensor) implements LayerParam {
        @Override
        public INDArray toArray() {
            return tensor.dequantize();
        }

        @Override
        public long[] shape() {
            return tensor.shape();
        }

        @Override
        public long fp32Bytes() {
            return tensor.fp32Bytes();
        }

        @Override
        public long storedBytes() {
            return tensor.storedBytes();
        }

        @Override
        public String describe() {
            return tensor.params().bits() + "-bit " + tensor.params().scheme() + " " + tensor.params().granularity();
        }
    }

    /**
     * A bias as int32 codes with one scale per output channel, {@code s_w[c] * s_x}, so that it adds directly to
     * the int32 accumulator of an integer layer: {@code b' = q[c] * scale[c]}.
     */
    record Int32(long[] shape, int[] values, float[] scales) implements LayerParam {
        /** Copies the arrays and checks one scale per value. */
        public Int32 {
            shape = shape.clone();
            values = values.clone();
            scales = scales.clone();
            if (values.length != scales.length
                    || Arrays.stream(shape).reduce(1, (a, b) -> a * b) != values.length) {
                throw new IllegalArgumentException("int32 bias needs one scale per value and a matching shape, got "
                        + values.length + " values, " + scales.length + " scales, shape " + Arrays.toString(shape));
            }
        }

        /** Quantizes a bias: {@code q[c] = clamp(rint(b[c] / scales[c]))} to the int32 range. */
        public static Int32 of(INDArray bias, float[] scales) {
            float[] b = Float32.of(bias).values();
            int[] q = new int[b.length];
            for (int c = 0; c < b.length; c++) {
                double v = Math.rint(b[c] / (double) scales[c]);
                q[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
            }
            return new Int32(bias.shape(), q, scales);
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public int[] values() {
            return values.clone();
        }

        @Override
        public float[] scales() {
            return scales.clone();
        }

        @Override
        public INDArray toArray() {
            float[] v = new float[values.length];
            for (int c = 0; c < v.length; c++) {
                v[c] = (float) (values[c] * (double) scales[c]);
            }
            return Nd4j.create(v, shape, 'c');
        }

        @Override
        public long fp32Bytes() {
            return 4L * values.length;
        }

        @Override
        public long storedBytes() {
            return 4L * values.length;
        }

        @Override
        public String describe() {
            return "int32 (scale s_w*s_x)";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Int32 i && Arrays.equals(shape, i.shape) && Arrays.equals(values, i.values)
                    && Arrays.equals(scales, i.scales);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(values)) + Arrays.hashCode(scales);
        }
    }
}
