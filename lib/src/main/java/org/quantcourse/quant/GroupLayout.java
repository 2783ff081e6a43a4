package org.quantcourse.quant;

import java.util.Arrays;

/**
 * Which group (shared scale and zero-point) each value of a tensor belongs to, for a granularity and a shape.
 * Values are addressed by their flat C-order index.
 */
final class GroupLayout {
    private final int groups;
    private final int inner;        // values after the channel axis (1 for per-tensor)
    private final int channels;     // size of the channel axis (1 for per-tensor)
    private final int groupSize;    // 0 unless per-group
    private final int groupsPerChannel;

    private GroupLayout(int groups, int inner, int channels, int groupSize, int groupsPerChannel) {
        this.groups = groups;
        this.inner = inner;
        this.channels = channels;
        this.groupSize = groupSize;
        this.groupsPerChannel = groupsPerChannel;
    }

    /** The layout of {@code granularity} over a tensor of {@code shape}; bad axis or group size is rejected. */
    static GroupLayout of(Granularity granularity, long[] shape) {
        if (granularity instanceof Granularity.PerChannel pc) {
            Split s = Split.of(shape, pc.axis(), "per-channel");
            return new GroupLayout((int) s.channels, (int) s.inner, (int) s.channels, 0, 1);
        }
        if (granularity instanceof Granularity.PerGroup pg) {
            return perGroup(pg, shape);
        }
        return new GroupLayout(1, 1, 1, 0, 1);
    }

    private static GroupLayout perGroup(Granularity.PerGroup pg, long[] shape) {
        long n = Shapes.length(shape);
        Split s = pg.channelAxis() == Granularity.PerGroup.FLATTENED ? new Split(1, 1, n)
                : Split.of(shape, pg.channelAxis(), "per-group");
        long perChannel = s.outer * s.inner;
        if (perChannel % pg.groupSize() != 0) {
            throw new IllegalArgumentException("group size " + pg.groupSize() + " does not divide the "
                    + perChannel + " values of each output channel (" + pg + " of shape " + Arrays.toString(shape)
                    + "): use a divisor of " + perChannel);
        }
        int groupsPerChannel = (int) (perChannel / pg.groupSize());
        return new GroupLayout((int) s.channels * groupsPerChannel, (int) s.inner, (int) s.channels, pg.groupSize(),
                groupsPerChannel);
    }

    /**
     * The layout of the parameters' granularity over {@code shape}; fails unless it has as many groups as the
     * parameters have scales (parameters computed for a tensor with another channel count).
     */
    static GroupLayout matching(QuantParams params, long[] shape) {
        GroupLayout layout = of(params.granularity(), shape);
        if (layout.groups() != params.groups()) {
            throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(shape) + " has "
                    + layout.groups() + " groups under " + params.granularity() + " but the parameters have "
                    + params.groups() + ": use parameters computed for a tensor of this shape (same channel count)");
        }
        return layout;
    }

    /** Number of groups. */
    int groups() {
        return groups;
    }

    /** The group of the value at flat index {@code i} (C order). */
    int groupOf(int i) {
        if (groups == 1) {
            return 0;
        }
        int c = (i / inner) % channels;
        if (groupSize == 0) {
            return c;
        }
        int position = (i / (inner * channels)) * inner + i % inner;
        return c * groupsPerChannel + position / groupSize;
    }

    /** Number of values in each group. */
    int[] counts(int n) {
        int[] counts = new int[groups];
        for (int i = 0; i < n; i++) {
            counts[groupOf(i)]++;
        }
        return counts;
    }

    /** The values of each group, in C order within the group. */
    float[][] gather(float[] data) {
        int[] counts = counts(data.length);
        float[][] out = new float[groups][];
        for (int g = 0; g < groups; g++) {
            out[g] = new float[counts[g]];
        }
        int[] fill = new int[groups];
        for (int i = 0; i < data.length; i++) {
            int g = groupOf(i);
            out[g][fill[g]++] = data[i];
        }
        return out;
    }

    /** A shape cut at a channel axis into outer * channels * inner values. */
    private record Split(long outer, long channels, long inner) {
        static Split of(long[] shape, int axis, String what) {
            if (axis >= shape.length) {
                throw new IllegalArgumentException(what + " axis " + axis + " is out of range for a tensor of shape "
                        + Arrays.toString(shape) + " (rank " + shape.length + "): allowed axes are "
                        + (shape.length == 0 ? "none (use per-tensor)" : "0.." + (shape.length - 1)));
            }
            long outer = Shapes.length(Arrays.copyOfRange(shape, 0, axis));
            long inner = Shapes.length(Arrays.copyOfRange(shape, axis + 1, shape.length));
            return new Split(outer, shape[axis], inner);
        }
    }
}
