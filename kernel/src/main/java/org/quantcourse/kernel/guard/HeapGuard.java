package org.quantcourse.kernel.guard;

import java.util.List;

/**
 * Keeps the kernel usable when a cell fills the heap. It sets a few megabytes aside while cells run and gives them
 * back the moment one runs out of memory: when the cell's variables still hold what it filled, that slack lets the
 * kernel report the error, compile the next cell ({@code big = null;}) and serve its sockets. The memory is set aside
 * again before a later cell, once the heap has room for it. It also writes the advice shown with the error.
 */
public final class HeapGuard {

    /** The most the reserve takes: enough for an error reply and a small cell's compilation. */
    static final int MAX_RESERVE_BYTES = 16 * 1024 * 1024;
    /** The reserve never takes more than this fraction of the maximum heap. */
    static final int HEAP_FRACTION = 32;
    /** The reserve is set aside only when the heap has this many times its size free. */
    static final int ROOM_FACTOR = 3;

    private static final HeapGuard PROCESS = ofReserveBytes(
            (int) Math.min(MAX_RESERVE_BYTES, Runtime.getRuntime().maxMemory() / HEAP_FRACTION));

    private final int reserveBytes;
    private volatile byte[] reserve;

    private HeapGuard(int reserveBytes) {
        this.reserveBytes = reserveBytes;
    }

    /** The guard of this JVM's heap, with a reserve of {@code min(16 MB, max heap / 32)}. */
    public static HeapGuard process() {
        return PROCESS;
    }

    /** A guard with a reserve of the given size (for tests). */
    static HeapGuard ofReserveBytes(int bytes) {
        return new HeapGuard(bytes);
    }

    /** Sets the reserve aside unless it already is, or the heap lacks room for it (it then stays given back). */
    public void arm() {
        if (reserve == null && freeBytes() >= (long) ROOM_FACTOR * reserveBytes) {
            try {
                reserve = new byte[reserveBytes];
            } catch (OutOfMemoryError stillFull) {
                reserve = null;
            }
        }
    }

    /** Gives the reserve back to the heap; returns whether it was set aside. */
    public boolean release() {
        boolean armed = reserve != null;
        reserve = null;
        return armed;
    }

    /**
     * After an OutOfMemoryError: gives the reserve back and collects the failed cell's garbage at once, so that the
     * kernel's next allocations do not find the heap still full and fail in turn.
     */
    public void recover() {
        release();
        System.gc();
    }

    /** Whether the reserve is set aside now. */
    public boolean isArmed() {
        return reserve != null;
    }

    /** Whether the failure is (or was caused by) an OutOfMemoryError. */
    public static boolean ranOutOfMemory(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * What to tell the learner after an OutOfMemoryError: the heap's limit, what is still in use once the failed
     * cell's garbage is collected (held by variables and libraries), and how to free or enlarge it.
     */
    public static List<String> advice() {
        Runtime heap = Runtime.getRuntime();
        long heldMb = (heap.totalMemory() - heap.freeMemory()) >> 20;
        return List.of("",
                "The cell needed more memory than the kernel's heap had left. The heap holds at most "
                        + (heap.maxMemory() >> 20) + " MB; " + heldMb + " MB are still in use now that the cell's"
                        + " temporary objects are gone, held by the session's variables and libraries.",
                "Free what you no longer need (big = null;) or work on less data at a time, then run the cell again."
                        + " For a larger heap, install the kernel again with --jvm-opt=-Xmx8g and restart it.");
    }

    /** Bytes the heap can still hand out, counting uncollected garbage as used. */
    private static long freeBytes() {
        Runtime heap = Runtime.getRuntime();
        return heap.maxMemory() - (heap.totalMemory() - heap.freeMemory());
    }
}
