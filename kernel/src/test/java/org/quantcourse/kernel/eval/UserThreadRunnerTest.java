package org.quantcourse.kernel.eval;

import org.junit.jupiter.api.Test;
import org.quantcourse.kernel.guard.HeapGuard;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserThreadRunnerTest {

    private static final long STACK_BYTES = 1 << 20;

    private final UserThreadRunner runner = new UserThreadRunner(STACK_BYTES, getClass().getClassLoader());

    @Test
    void aTaskThatRunsOutOfMemoryFailsWithItAndTheReserveIsGivenBack() throws Exception {
        assertEquals(1, runner.run(() -> 1, Duration.ZERO));
        assertTrue(HeapGuard.process().isArmed(), "a cell runs with the reserve set aside");
        UserThreadRunner.UserCodeError failure = assertThrows(UserThreadRunner.UserCodeError.class,
                () -> runner.run(() -> {
                    throw new OutOfMemoryError("Java heap space");
                }, Duration.ZERO));
        assertInstanceOf(OutOfMemoryError.class, failure.getCause());
        assertFalse(HeapGuard.process().isArmed(), "the reserve went back to the heap for the kernel's reply");
        assertEquals(42, runner.run(() -> 42, Duration.ZERO), "the next cell runs");
        assertTrue(HeapGuard.process().isArmed(), "and sets the reserve aside again");
    }

    @Test
    void aTaskThatFailsOtherwiseKeepsTheReserve() throws Exception {
        runner.run(() -> 1, Duration.ZERO);
        UserThreadRunner.UserCodeError failure = assertThrows(UserThreadRunner.UserCodeError.class,
                () -> runner.run(() -> {
                    throw new StackOverflowError();
                }, Duration.ZERO));
        assertInstanceOf(StackOverflowError.class, failure.getCause());
        assertTrue(HeapGuard.process().isArmed());
    }
}
