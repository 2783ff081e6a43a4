package org.quantcourse.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Interrupt stops notebook loops through the checks compiled into snippet code, on every JDK: even loops that catch
 * everything (which survive a single {@code Thread.stop}) end, and no thread keeps running the cell afterwards.
 */
class InterruptCheckTest {

    private static final SnippetOrigin CELL = new SnippetOrigin("In[3]", 1);
    private static final long INTERRUPT_AFTER_MS = 400;
    private static final long SETTLE_MS = 300;
    private static JavaEvaluator evaluator;
    private static ScheduledExecutorService timer;

    @BeforeAll
    static void startSession() throws Exception {
        evaluator = JavaEvaluator.start(EvaluatorConfig.defaults());
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopSession() {
        timer.shutdownNow();
        evaluator.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "long n = 0;\nwhile (true) { n++; }",
            "long m = 0;\nwhile (true) { try { while (true) { m++; } } catch (Throwable swallowed) { } }",
            "void spin() { for (;;) { } }\nRunnable r = () -> spin();\nr.run();",
            "while (true) { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }"})
    void interruptStopsTheCellAndLeavesNoThreadRunningIt(String cell) throws Exception {
        evaluator.runner().resetInterrupt();
        timer.schedule(() -> evaluator.runner().interrupt(), INTERRUPT_AFTER_MS, TimeUnit.MILLISECONDS);
        CellFailure failure = assertThrows(CellFailure.class, () -> evaluator.eval(cell, CELL));
        assertEquals("InterruptedException", failure.ename());
        Thread.sleep(SETTLE_MS);
        assertFalse(anyThreadRunsSnippetCode(), "a thread still runs the interrupted cell");
        evaluator.runner().resetInterrupt();
        assertEquals(42, evaluator.eval("6 * 7", CELL).orElseThrow());
    }

    private static boolean anyThreadRunsSnippetCode() {
        return Thread.getAllStackTraces().values().stream().anyMatch(stack -> Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().startsWith("REPL.")));
    }
}
