package org.quantcourse.quant;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Values of a tensor in C order with its shape, checked to be non-empty and finite. */
record TensorData(float[] data, long[] shape) {

    /** Checks shape and values. */
    TensorData {
        if (data.length == 0) {
            throw new IllegalArgumentException("empty tensor " + Arrays.toString(shape)
                    + ": quantization needs at least one value");
        }
        if (Shapes.length(shape) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds "
                    + Shapes.length(shape) + " values but " + data.length + " were given");
        }
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException("value " + data[i] + " at flat index " + i
                        + " of a tensor of shape " + Arrays.toString(shape)
                        + ": only finite values (no NaN or Infinity) can be quantized");
            }
        }
    }

    /** The values of a floating-point array, copied in C order. */
    static TensorData of(INDArray x) {
        if (x == null) {
            throw new IllegalArgumentException("tensor is null: pass an INDArray of FLOAT values");
        }
        if (!x.dataType().isFPType()) {
            throw new IllegalArgumentException("tensor has data type " + x.dataType()
                    + ": only floating-point arrays (FLOAT, HALF, DOUBLE) can be quantized");
        }
        long[] shape = x.shape().clone();
        if (x.length() == 0) {
            return new TensorData(new float[0], shape);
        }
        INDArray flat = x.castTo(DataType.FLOAT).dup('c').reshape(x.length());
        return new TensorData(flat.toFloatVector(), shape);
    }

    /** A 1-D tensor over a copy of {@code values}. */
    static TensorData of(float[] values) {
        if (values == null) {
            throw new IllegalArgumentException("values are null: pass a float[]");
        }
        return new TensorData(values.clone(), new long[] {values.length});
    }

    /** A tensor of the given shape over a copy of {@code values}. */
    static TensorData of(float[] values, long[] shape) {
        if (values == null || shape == null) {
            throw new IllegalArgumentException("values and shape must not be null");
        }
        Shapes.check(shape);
        return new TensorData(values.clone(), shape.clone());
    }

    /** A FLOAT INDArray of the given shape holding {@code values}. */
    static INDArray toArray(float[] values, long[] shape) {
        return Nd4j.create(values, shape, 'c');
    }
}
