package org.quantcourse.quant;

/**
 * Which values share one scale and zero-point.
 *
 * <p>The output-channel axis depends on the layer: a DL4J convolution weight {@code [out, in, kh, kw]} has its
 * output channel on axis 0; a DL4J dense or output weight {@code [nIn, nOut]} has it on axis 1.
 */
public sealed interface Granularity {

    /** One scale for the whole tensor. */
    static Granularity perTensor() {
        return new PerTensor();
    }

    /** One scale per index along {@code axis}. */
    static Granularity perChannel(int axis) {
        return new PerChannel(axis);
    }

    /** One scale per {@code groupSize} consecutive input values of each output channel on {@code channelAxis}. */
    static Granularity perGroup(int groupSize, int channelAxis) {
        return new PerGroup(groupSize, channelAxis);
    }

    /** One scale per {@code groupSize} consecutive values of the whole tensor flattened in C order. */
    static Granularity perGroup(int groupSize) {
        return new PerGroup(groupSize, PerGroup.FLATTENED);
    }

    /** One scale for the whole tensor. */
    record PerTensor() implements Granularity {
        @Override
        public String toString() {
            return "per-tensor";
        }
    }

    /** One scale per index along {@code axis} (conv weights: axis 0; DL4J dense weights: axis 1). */
    record PerChannel(int axis) implements Granularity {
        /** Checks the axis is not negative. */
        public PerChannel {
            if (axis < 0) {
                throw new IllegalArgumentException("channel axis must be >= 0, got " + axis);
            }
        }

        @Override
        public String toString() {
            return "per-channel(axis " + axis + ")";
        }
    }

    /**
     * One scale per group: the values of each output channel (fixed index on {@code channelAxis}), taken in
     * C order over the other axes, are cut into consecutive groups of {@code groupSize}. For a conv weight
     * {@code [out, in, kh, kw]} with channel axis 0 the groups run over the flattened {@code in*kh*kw}; for a
     * DL4J dense weight {@code [nIn, nOut]} with channel axis 1 they run along the input dimension (axis 0).
     * With channel axis {@link #FLATTENED} the whole tensor, flattened in C order, is cut into groups.
     */
    record PerGroup(int groupSize, int channelAxis) implements Granularity {
        /** Channel axis meaning "no channel axis: group the flattened tensor". */
        public static final int FLATTENED = -1;

        /** Checks the group size is positive and the axis is not below {@link #FLATTENED}. */
        public PerGroup {
            if (groupSize < 1) {
                throw new IllegalArgumentException("group size must be >= 1, got " + groupSize);
            }
            if (channelAxis < FLATTENED) {
                throw new IllegalArgumentException("channel axis must be >= 0 (or -1 for the flattened tensor), got "
                        + channelAxis);
            }
        }

        @Override
        public String toString() {
            return "per-group(" + groupSize + (channelAxis == FLATTENED ? ", flattened" : ", channel axis "
                    + channelAxis) + ")";
        }
    }
}
