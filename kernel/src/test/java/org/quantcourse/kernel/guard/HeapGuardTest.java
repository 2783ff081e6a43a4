package org.quantcourse.kernel.guard;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapGuardTest {

    private static final int SMALL_RESERVE = 1 << 20;

    @Test
    void theReserveIsSetAsideOnceAndGivenBackOnRelease() {
        HeapGuard guard = HeapGuard.ofReserveBytes(SMALL_RESERVE);
        assertFalse(guard.isArmed());
        guard.arm();
        guard.arm();
        assertTrue(guard.isArmed());
        assertTrue(guard.release(), "it was set aside");
        assertFalse(guard.isArmed());
        assertFalse(guard.release(), "a second release has nothing to give back");
    }

    @Test
    void recoveringGivesTheReserveBack() {
        HeapGuard guard = HeapGuard.ofReserveBytes(SMALL_RESERVE);
        guard.arm();
        guard.recover();
        assertFalse(guard.isArmed());
    }

    @Test
    void theReserveStaysGivenBackWhileTheHeapLacksRoomForIt() {
        int moreThanAThirdOfTheHeap = (int) Math.min(Integer.MAX_VALUE - 8,
                Runtime.getRuntime().maxMemory() / HeapGuard.ROOM_FACTOR + 1);
        HeapGuard guard = HeapGuard.ofReserveBytes(moreThanAThirdOfTheHeap);
        guard.arm();
        assertFalse(guard.isArmed(), "taking it would leave the kernel less room than the reserve is meant to give");
    }

    @Test
    void aFailureCausedByAnOutOfMemoryErrorCountsAsRunningOutOfMemory() {
        assertTrue(HeapGuard.ranOutOfMemory(new OutOfMemoryError("Java heap space")));
        assertTrue(HeapGuard.ranOutOfMemory(new ExecutionException(new OutOfMemoryError("Java heap space"))));
        assertFalse(HeapGuard.ranOutOfMemory(new IllegalStateException("not memory")));
        assertFalse(HeapGuard.ranOutOfMemory(null));
    }

    @Test
    void theAdviceNamesTheHeapLimitWhatIsStillHeldAndHowToGetMore() {
        String advice = String.join("\n", HeapGuard.advice());
        assertTrue(advice.contains("at most " + (Runtime.getRuntime().maxMemory() >> 20) + " MB"), advice);
        assertTrue(advice.contains("still in use"), advice);
        assertTrue(advice.contains("big = null;"), advice);
        assertTrue(advice.contains("--jvm-opt=-Xmx"), advice);
    }
}
