package org.quantcourse.data;

import java.util.Random;

/** Seeded Fisher–Yates permutations, specified exactly so that any language can reproduce them. */
public final class Permutations {

    private static final long EPOCH_MIX = 0x9E3779B97F4A7C15L;

    private Permutations() {
    }

    /**
     * Returns 0..n-1 shuffled: for i from n-1 down to 1, swap element i with element {@code rng.nextInt(i + 1)}.
     */
    public static int[] shuffled(int n, Random rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, rng);
        return order;
    }

    /**
     * The order of epoch {@code epoch} of a seeded, reshuffled-every-epoch pass over {@code n} samples: the course's
     * one seeding rule, {@code shuffled(n, new Random(seed + epoch · 0x9E3779B97F4A7C15))}.
     */
    public static int[] forEpoch(int n, long seed, int epoch) {
        return shuffled(n, new Random(seed + epoch * EPOCH_MIX));
    }

    /** Shuffles {@code values} in place with the same rule as {@link #shuffled(int, Random)}. */
    public static void shuffle(int[] values, Random rng) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
