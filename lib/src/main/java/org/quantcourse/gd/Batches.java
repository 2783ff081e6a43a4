package org.quantcourse.gd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Splits sample indices into the batches of one epoch: in order for a full batch, else a seeded shuffle. */
final class Batches {

    private Batches() {
    }

    /** The batches of {@code epoch}: one in-order batch if {@code batchSize >= n}, else a seeded permutation cut into chunks. */
    static List<int[]> forEpoch(int sampleCount, int batchSize, long seed, int epoch) {
        int[] order = batchSize >= sampleCount ? identity(sampleCount) : permutation(sampleCount, seed, epoch);
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

    /** Fisher–Yates shuffle seeded by (seed, epoch), so each epoch has its own reproducible order. */
    private static int[] permutation(int n, long seed, int epoch) {
        Random random = new Random(seed * 1_000_003L + epoch);
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
