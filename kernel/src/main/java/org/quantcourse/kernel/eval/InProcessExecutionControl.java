package org.quantcourse.kernel.eval;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * JShell execution inside the kernel's JVM: snippets run on the {@link UserThreadRunner}'s thread and their values
 * stay objects the kernel can render. Remembers the last value and whether the last run was interrupted.
 */
final class InProcessExecutionControl extends DirectExecutionControl {

    private final UserThreadRunner runner;
    private final Supplier<Duration> timeout;
    private Object lastValue;
    private UserThreadRunner.Interrupted lastInterrupt;

    InProcessExecutionControl(SnippetLoaderDelegate delegate, UserThreadRunner runner, Supplier<Duration> timeout) {
        super(delegate);
        this.runner = runner;
        this.timeout = timeout;
    }

    /** The provider handing this control to JShell's builder. */
    ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "quantcourse-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return InProcessExecutionControl.this;
            }
        };
    }

    /** Forgets the previous run's value and interrupt. */
    void reset() {
        lastValue = null;
        lastInterrupt = null;
    }

    /** The value the last snippet run produced (null for statements and void calls). */
    Object lastValue() {
        return lastValue;
    }

    /** The interrupt that ended the last run, or null when it ran to its end. */
    UserThreadRunner.Interrupted lastInterrupt() {
        return lastInterrupt;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        try {
            lastValue = runner.run(() -> doit.invoke(null), timeout.get());
        } catch (UserThreadRunner.Interrupted e) {
            lastInterrupt = e;
            throw new StoppedException();
        } catch (UserThreadRunner.UserCodeError e) {
            throw new java.lang.reflect.InvocationTargetException(e.getCause());
        }
        return lastValue == null ? "null" : "";
    }

    @Override
    public void stop() {
        runner.interrupt();
    }

    @Override
    public void close() {
        runner.interrupt();
    }
}
