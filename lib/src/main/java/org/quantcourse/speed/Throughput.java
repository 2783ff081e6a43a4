package org.quantcourse.speed;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Images per second of one engine at one batch size: the best of several timed rounds after a warm-up (on a shared
 * machine the least disturbed round is the most faithful one), with the system load average when it was measured.
 * Used in notebooks 09, 10.
 *
 * @param engine what was measured, e.g. {@code "dl4j-fp32"}
 * @param batch images per call
 * @param imagesPerSecond best round's images per second
 * @param medianImagesPerSecond the median round's images per second
 * @param rounds timed rounds
 * @param loadAverage one-minute system load average at the end (negative when unknown)
 */
public record Throughput(String engine, int batch, double imagesPerSecond, double medianImagesPerSecond, int rounds,
        double loadAverage) {
    private static final int ROUNDS = 5;

    /**
     * Times {@code oneBatch} (which processes {@code batch} images): a warm-up of about a fifth of {@code budget},
     * then {@value #ROUNDS} rounds, each repeating the call for at least a fifth of the rest.
     */
    public static Throughput measure(String engine, int batch, Runnable oneBatch, Duration budget) {
        return measure(engine, batch, oneBatch, budget, ROUNDS);
    }

    /**
     * The same with {@code rounds} timed rounds (at least 1): fewer rounds for engines whose one call takes seconds,
     * since every round makes at least one call.
     */
    public static Throughput measure(String engine, int batch, Runnable oneBatch, Duration budget, int rounds) {
        if (batch < 1 || rounds < 1 || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("need batch >= 1, rounds >= 1 and a positive budget, got " + batch
                    + ", " + rounds + ", " + budget);
        }
        long roundNanos = budget.toNanos() / (rounds + 1);
        repeatFor(oneBatch, roundNanos);
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            long calls = repeatFor(oneBatch, roundNanos);
            rates[r] = calls * batch / ((System.nanoTime() - start) / 1e9);
        }
        java.util.Arrays.sort(rates);
        return new Throughput(engine, batch, rates[rounds - 1], rates[rounds / 2], rounds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** How many times faster this is than {@code other} (best rounds). */
    public double speedupOver(Throughput other) {
        return imagesPerSecond / other.imagesPerSecond;
    }

    private static long repeatFor(Runnable task, long nanos) {
        long start = System.nanoTime();
        long calls = 0;
        do {
            task.run();
            calls++;
        } while (System.nanoTime() - start < nanos);
        return calls;
    }
}
