package org.quantcourse.gd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quantcourse.data.Permutations;

/**
 * Splits sample indices into the batches of one epoch: in order for a full batch, else the course's seeded shuffle
 * ({@link Permutations#forEpoch}).
 */
final class EpochBatches {

    private EpochBatches() {
    }

    /** The batches of {@code epoch}: one in-order batch if {@code batchSize >= n}, else a seeded permutation cut into chunks. */
    static List<int[]> forEpoch(int sampleCount, int batchSize, long seed, int epoch) {
        int[] order = batchSize >= sampleCount ? identity(sampleCount) : Permutations.forEpoch(sampleCount, seed, epoch);
        List<int[]> batches = new ArrayList<>();
        for (long start = 0; start < sampleCount; start += batchSize) {
            int end = (int) Math.min(start + batchSize, sampleCount);
            batches.add(Arrays.copyOfRange(order, (int) start, end));
        }
        return batches;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
