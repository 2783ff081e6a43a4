package org.quantcourse.qat;

/**
 * The output channel of each value of a C-order tensor: {@code (i / stride) % channels}, where {@code stride} is
 * the product of the dimensions after {@code axis}; axis -1 means one channel (per tensor).
 */
record ChannelIndex(int channels, long stride) {

    /** The channel index of a tensor of {@code shape} along {@code axis} (-1: per tensor). */
    static ChannelIndex of(long[] shape, int axis) {
        if (axis < 0) {
            return new ChannelIndex(1, 1);
        }
        if (axis >= shape.length) {
            throw new IllegalArgumentException("channel axis " + axis + " does not exist in a tensor of rank "
                    + shape.length + "; use 0 for convolution weights [out, in, kh, kw], 1 for dense [nIn, nOut]");
        }
        long stride = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        return new ChannelIndex((int) shape[axis], stride);
    }

    /** The channel of flat C-order index {@code i}. */
    int of(int i) {
        return (int) ((i / stride) % channels);
    }
}
