package org.quantcourse.quant;

import java.util.Arrays;

/**
 * Which group (shared scale and zero-point) each value of a tensor belongs to, for a granularity and a shape.
 * Values are addressed by their flat C-order index.
 */
final class GroupLayout {
    private final int groups;
    private final int[] groupOf; // null for per-tensor: every value is in group 0

    private GroupLayout(int groups, int[] groupOf) {
        this.groups = groups;
        this.groupOf = groupOf;
    }

    /** The layout of {@code granularity} over a tensor of {@code shape}; bad axis or group size is rejected. */
    static GroupLayout of(Granularity granularity, long[] shape) {
        int n = (int) Shapes.length(shape);
        if (granularity instanceof Granularity.PerChannel pc) {
            Split s = Split.of(shape, pc.axis(), "per-channel");
            int[] g = new int[n];
            for (int i = 0; i < n; i++) {
                g[i] = (int) ((i / s.inner) % s.channels);
            }
            return new GroupLayout((int) s.channels, g);
        }
        if (granularity instanceof Granularity.PerGroup pg) {
            return perGroup(pg, shape, n);
        }
        return new GroupLayout(1, null);
    }

    private static GroupLayout perGroup(Granularity.PerGroup pg, long[] shape, int n) {
        Split s = pg.channelAxis() == Granularity.PerGroup.FLATTENED ? new Split(1, 1, n)
                : Split.of(shape, pg.channelAxis(), "per-group");
        long perChannel = s.outer * s.inner;
        if (perChannel % pg.groupSize() != 0) {
            throw new IllegalArgumentException("group size " + pg.groupSize() + " does not divide the "
                    + perChannel + " values of each output channel (" + pg + " of shape " + Arrays.toString(shape)
                    + "): use a divisor of " + perChannel);
        }
        long groupsPerChannel = perChannel / pg.groupSize();
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            long c = (i / s.inner) % s.channels;
            long position = (i / (s.inner * s.channels)) * s.inner + i % s.inner;
            g[i] = (int) (c * groupsPerChannel + position / pg.groupSize());
        }
        return new GroupLayout((int) (s.channels * groupsPerChannel), g);
    }

    /** Number of groups. */
    int groups() {
        return groups;
    }

    /** The group of the value at flat index {@code i}. */
    int groupOf(int i) {
        return groupOf == null ? 0 : groupOf[i];
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
