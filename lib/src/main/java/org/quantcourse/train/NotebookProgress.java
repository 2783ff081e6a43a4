package org.quantcourse.train;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A one-line progress display in a notebook cell, updated in place. It depends on no kernel: the notebook passes
 * its display functions, e.g. {@code NotebookProgress.of(o -> display(o), (id, o) -> updateDisplay(id, o))}, where
 * {@code display} returns the id that {@code updateDisplay} replaces. At most 4 updates a second. Training
 * (notebook 04) and sweeps (notebook 06) report through it.
 */
public final class NotebookProgress implements TrainingListener {

    /** Shortest time between two batch updates: 250 ms. */
    public static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final Function<Object, String> display;
    private final BiConsumer<String, Object> update;
    private final Throttle throttle;
    private String id;

    private NotebookProgress(Function<Object, String> display, BiConsumer<String, Object> update, Throttle throttle) {
        this.display = display;
        this.update = update;
        this.throttle = throttle;
    }

    /** A display using the kernel's {@code display(Object) → id} and {@code updateDisplay(id, Object)}. */
    public static NotebookProgress of(Function<Object, String> display, BiConsumer<String, Object> updateDisplay) {
        return of(display, updateDisplay, System::nanoTime);
    }

    static NotebookProgress of(Function<Object, String> display, BiConsumer<String, Object> update,
            LongSupplier clock) {
        if (display == null || update == null) {
            throw new IllegalArgumentException("Pass both functions, e.g. NotebookProgress.of(o -> display(o),"
                    + " (id, o) -> updateDisplay(id, o)).");
        }
        return new NotebookProgress(display, update, new Throttle(MIN_INTERVAL_NANOS, clock));
    }

    @Override
    public void onBatch(Progress progress) {
        if (throttle.ready()) {
            show(progress.line());
        }
    }

    @Override
    public void onEpoch(EpochResult result) {
        show(result.line());
    }

    @Override
    public void onEnd(TrainingHistory history) {
        show(history.summary());
    }

    @Override
    public void onFailure(Throwable cause) {
        show("stopped: " + TrainingHistory.describe(cause));
    }

    /**
     * Shows a line from any long-running step (a sweep, a calibration), throttled like batch updates: at most 4
     * updates a second, the first one at once.
     */
    public void step(String line) {
        if (throttle.ready()) {
            show(line);
        }
    }

    /** Shows a line at once, in place of the previous one (e.g. the summary at the end). */
    public void show(String line) {
        if (id == null) {
            id = display.apply(line);
        } else {
            update.accept(id, line);
        }
    }
}
