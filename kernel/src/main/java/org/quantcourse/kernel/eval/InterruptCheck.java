package org.quantcourse.kernel.eval;

/**
 * The interrupt check compiled into notebook code at every method entry and loop back-edge (see
 * {@link InterruptInstrumenter}): once the kernel asks the cell's thread to stop, the next check on that thread throws
 * {@link CellInterrupted}. This stops user loops on every JDK, including 20+ where {@code Thread.stop} throws.
 */
public final class InterruptCheck {

    private static volatile Thread target;

    private InterruptCheck() {
    }

    /** Called by instrumented code: throws {@link CellInterrupted} when the current thread was asked to stop. */
    public static void poll() {
        Thread stopping = target;
        if (stopping != null && stopping == Thread.currentThread()) {
            throw new CellInterrupted();
        }
    }

    /** Asks the thread to stop at its next check. */
    static void request(Thread thread) {
        target = thread;
    }

    /** Forgets the request (a new cell starts). */
    static void clear() {
        target = null;
    }

    /**
     * Thrown into interrupted notebook code. An Error, so that {@code catch (Exception e)} in a cell does not
     * swallow it; a cell catching Throwable meets it again at its next loop iteration.
     */
    public static final class CellInterrupted extends Error {
        private static final long serialVersionUID = 1L;

        CellInterrupted() {
            super("the cell was interrupted", null, false, false);
        }
    }
}
