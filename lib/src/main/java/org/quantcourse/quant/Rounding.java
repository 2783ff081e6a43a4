package org.quantcourse.quant;

import java.util.SplittableRandom;

/**
 * How {@code x/s} becomes an integer (the zero-point is added after rounding, as in PyTorch).
 *
 * <p>{@link #halfEven()} is the default: round half to even, what NumPy and PyTorch's {@code fake_quantize} do.
 * {@link #stochastic(long)} rounds {@code v} up with probability {@code v - floor(v)}, so the expected code
 * equals {@code v} (unbiased); it is seeded and reproducible.
 */
public sealed interface Rounding {

    /** Round half to even ({@link Math#rint}). */
    static Rounding halfEven() {
        return new HalfEven();
    }

    /** Stochastic rounding {@code floor(v + u)}, {@code u ~ U[0, 1)} from a generator seeded with {@code seed}. */
    static Rounding stochastic(long seed) {
        return new Stochastic(seed);
    }

    /** A fresh rounding function for one quantize call (stochastic rounding restarts from its seed). */
    Rounder start();

    /** Rounds one value; obtained from {@link Rounding#start()}. */
    @FunctionalInterface
    interface Rounder {
        /** The rounded value of {@code v}. */
        double round(double v);
    }

    /** Round half to even. */
    record HalfEven() implements Rounding {
        @Override
        public Rounder start() {
            return Math::rint;
        }

        @Override
        public String toString() {
            return "half-to-even";
        }
    }

    /** Seeded stochastic rounding. */
    record Stochastic(long seed) implements Rounding {
        @Override
        public Rounder start() {
            SplittableRandom random = new SplittableRandom(seed);
            return v -> Math.floor(v + random.nextDouble());
        }

        @Override
        public String toString() {
            return "stochastic(seed " + seed + ")";
        }
    }
}
