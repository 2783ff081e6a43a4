package org.quantcourse.kernel.eval;

import java.time.Duration;
import java.util.List;

/**
 * How to set up the JShell session: extra classpath entries, javac options, the per-statement timeout (zero or
 * negative for none) and the stack size of the user thread.
 */
public record EvaluatorConfig(List<String> classpath, List<String> compilerOptions, Duration timeout, long stackBytes) {

    /** The default user-thread stack: deep recursion works, infinite recursion ends in StackOverflowError. */
    public static final long DEFAULT_STACK_BYTES = 512L * 1024 * 1024;

    /** Copies the lists. */
    public EvaluatorConfig {
        classpath = List.copyOf(classpath);
        compilerOptions = List.copyOf(compilerOptions);
        timeout = timeout == null ? Duration.ZERO : timeout;
    }

    /** No extra classpath, no options, no timeout, default stack. */
    public static EvaluatorConfig defaults() {
        return new EvaluatorConfig(List.of(), List.of(), Duration.ZERO, DEFAULT_STACK_BYTES);
    }
}
