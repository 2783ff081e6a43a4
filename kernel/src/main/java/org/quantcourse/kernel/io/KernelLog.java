package org.quantcourse.kernel.io;

import java.io.PrintStream;
import java.time.LocalTime;

/** The kernel's own log: the process's original stderr (the Jupyter server log), never a notebook cell. */
public final class KernelLog {

    private static final PrintStream ERR = System.err;
    private static volatile boolean debug = System.getenv("QUANTCOURSE_KERNEL_DEBUG") != null;

    private KernelLog() {
    }

    /** Logs a warning. */
    public static void warn(String message) {
        ERR.println("[java-kernel " + LocalTime.now() + " WARN] " + message);
    }

    /** Logs an informational message. */
    public static void info(String message) {
        ERR.println("[java-kernel " + LocalTime.now() + " INFO] " + message);
    }

    /** Logs a message only when QUANTCOURSE_KERNEL_DEBUG is set. */
    public static void debug(String message) {
        if (debug) {
            ERR.println("[java-kernel " + LocalTime.now() + " DEBUG] " + message);
        }
    }

    /** The original standard error stream of the process. */
    public static PrintStream originalErr() {
        return ERR;
    }
}
