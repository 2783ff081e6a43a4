package org.quantcourse.kernel.guard;

import java.lang.instrument.Instrumentation;

/**
 * What notebook code calls instead of ending the JVM: the kernel's class-file rewriter ({@link ExitCallRewriter})
 * turns {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in every class outside the kernel into
 * calls of these methods, which refuse by throwing {@link SystemExitRefusedException}. Installed before the kernel's
 * main method by the jar's {@code Launcher-Agent-Class}, so it works on every JDK (no SecurityManager needed).
 */
public final class ExitGuard {

    private static volatile boolean installed;

    private ExitGuard() {
    }

    /** The agent entry point of {@code java -jar}: registers the rewriter for every class loaded from now on. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        instrumentation.addTransformer(ExitCallRewriter.forKernel());
        installed = true;
    }

    /** Whether exits of notebook code are refused (false when the kernel was not started with {@code java -jar}). */
    public static boolean isInstalled() {
        return installed;
    }

    /** Replaces {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new SystemExitRefusedException("System.exit", status);
    }

    /** Replaces {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw new SystemExitRefusedException("Runtime.exit", status);
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        throw new SystemExitRefusedException("Runtime.halt", status);
    }
}
