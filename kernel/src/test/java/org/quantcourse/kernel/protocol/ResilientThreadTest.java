package org.quantcourse.kernel.protocol;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResilientThreadTest {

    private static final long JOIN_MS = 10_000;

    @Test
    void aLoopEndedByOutOfMemoryRunsAgainUntilItReturns() {
        AtomicInteger runs = new AtomicInteger();
        int retries = ResilientThread.runSurvivingOutOfMemory("test-loop", () -> {
            if (runs.incrementAndGet() <= 2) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
        assertEquals(2, retries);
        assertEquals(3, runs.get());
    }

    @Test
    void aLoopFailingForAnotherReasonIsNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> ResilientThread.runSurvivingOutOfMemory("test-loop", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("socket closed");
        }));
        assertEquals(1, runs.get());
    }

    @Test
    void theThreadIsANamedDaemonThatOutlivesAnOutOfMemoryError() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Thread thread = ResilientThread.daemon("kernel-test", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
        assertTrue(thread.isDaemon());
        assertEquals("kernel-test", thread.getName());
        thread.start();
        thread.join(JOIN_MS);
        assertFalse(thread.isAlive());
        assertEquals(2, runs.get(), "the loop ran again after the error");
    }
}
