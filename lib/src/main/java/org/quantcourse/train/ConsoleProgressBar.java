package org.quantcourse.train;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A text progress bar redrawn in place with a carriage return, one finished line per epoch, at most 4 redraws a
 * second. For terminals and the benchmark; notebooks use {@link NotebookProgress}.
 */
public final class ConsoleProgressBar implements TrainingListener {

    /** Width of the bar in characters. */
    public static final int WIDTH = 24;

    private final PrintStream out;
    private final Throttle throttle;

    private ConsoleProgressBar(PrintStream out, Throttle throttle) {
        this.out = out;
        this.throttle = throttle;
    }

    /** A bar printed to standard output. */
    public static ConsoleProgressBar create() {
        return to(System.out);
    }

    /** A bar printed to {@code out}. */
    public static ConsoleProgressBar to(PrintStream out) {
        return to(out, System::nanoTime);
    }

    static ConsoleProgressBar to(PrintStream out, LongSupplier clock) {
        return new ConsoleProgressBar(out, new Throttle(NotebookProgress.MIN_INTERVAL_NANOS, clock));
    }

    @Override
    public void onBatch(Progress progress) {
        if (throttle.ready()) {
            out.print("\r" + bar(progress.epochFraction()) + " " + progress.line());
            out.flush();
        }
    }

    @Override
    public void onEpoch(EpochResult result) {
        out.println("\r" + bar(1.0) + " " + result.line());
    }

    @Override
    public void onEnd(TrainingHistory history) {
        out.println(history.summary());
    }

    @Override
    public void onFailure(Throwable cause) {
        out.println();
        out.println("stopped: " + TrainingHistory.describe(cause));
    }

    /** The bar for a fraction done; all blank when unknown. */
    static String bar(double fraction) {
        int filled = Double.isNaN(fraction) ? 0 : (int) Math.round(Math.min(1, Math.max(0, fraction)) * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }
}
