package org.quantcourse.kernel.protocol;

import org.quantcourse.kernel.io.KernelLog;

/**
 * Daemon threads for the kernel's sockets that outlive an {@link OutOfMemoryError}. A cell that fills the heap makes
 * every thread's next allocation fail, not only its own; a heartbeat, shell or ZeroMQ I/O thread (the context's thread factory makes those) that died then would
 * leave a kernel that never answers again. These threads log the error, wait a moment (the cell's thread fails too and
 * its garbage is collected) and run their loop again; any other failure ends them as before.
 */
public final class ResilientThread {

    /** How long a thread waits after an OutOfMemoryError before it runs its loop again. */
    static final long RETRY_PAUSE_MS = 100;

    private ResilientThread() {
    }

    /** A daemon thread (not started) that runs {@code loop} again whenever it ends by an OutOfMemoryError. */
    public static Thread daemon(String name, Runnable loop) {
        return daemon(name, 0, loop);
    }

    /** Like {@link #daemon(String, Runnable)} with a stack size in bytes (0: the JVM's default). */
    public static Thread daemon(String name, long stackBytes, Runnable loop) {
        Thread thread = new Thread(null, () -> runSurvivingOutOfMemory(name, loop), name, stackBytes);
        thread.setDaemon(true);
        return thread;
    }

    /** Runs {@code loop} until it returns or fails by anything but an OutOfMemoryError; returns the retries. */
    static int runSurvivingOutOfMemory(String name, Runnable loop) {
        for (int retries = 0; ; retries++) {
            try {
                loop.run();
                return retries;
            } catch (OutOfMemoryError e) {
                pauseAfter(name, e);
            }
        }
    }

    private static void pauseAfter(String name, OutOfMemoryError e) {
        try {
            KernelLog.warn(name + " survived " + e + "; it goes on serving");
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (OutOfMemoryError stillFull) {
            Thread.onSpinWait();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
