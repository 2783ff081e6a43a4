package org.quantcourse.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SpeedTest {

    @Test
    void throughputCountsTheImagesOfEveryTimedCall() {
        AtomicLong calls = new AtomicLong();
        Throughput t = Throughput.measure("sleep", 10, () -> {
            calls.incrementAndGet();
            sleep(2);
        }, Duration.ofMillis(300));
        assertEquals(5, t.rounds());
        assertTrue(t.imagesPerSecond() > 0 && t.imagesPerSecond() <= 10 / 0.002 * 1.01, t.toString());
        assertTrue(t.medianImagesPerSecond() <= t.imagesPerSecond());
        assertTrue(calls.get() >= 6);
    }

    @Test
    void fewerRoundsStillMakeOneWarmUpCallAndOneCallPerRound() {
        AtomicLong calls = new AtomicLong();
        Throughput t = Throughput.measure("slow", 4, () -> {
            calls.incrementAndGet();
            sleep(30);
        }, Duration.ofMillis(3), 2);
        assertEquals(2, t.rounds());
        assertEquals(3, calls.get(), "a call longer than the budget: one warm-up, one per round");
        assertTrue(t.imagesPerSecond() <= 4 / 0.030 * 1.01, t.toString());
    }

    @Test
    void zeroRoundsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Throughput.measure("x", 1, () -> { }, Duration.ofMillis(1),
                0));
    }

    @Test
    void aBatchOfZeroIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Throughput.measure("x", 0, () -> { }, Duration.ofMillis(1)));
    }

    @Test
    void cpuInfoKeepsOnlyTheFlagsThatMatterAndKnowsVnni() {
        CpuInfo epyc = CpuInfo.parse(List.of("processor\t: 0", "model name\t: AMD EPYC",
                "flags\t\t: fpu sse2 avx avx2 fma bmi2"), 2);
        assertEquals("AMD EPYC", epyc.model());
        assertEquals(Set.of("avx2", "fma"), epyc.flags());
        assertFalse(epyc.hasInt8DotProduct());
        CpuInfo xeon = CpuInfo.parse(List.of("model name\t: Intel Xeon", "flags\t: avx2 avx512f avx512_vnni amx_int8"),
                4);
        assertTrue(xeon.hasInt8DotProduct());
        assertTrue(xeon.summary().contains("avx512_vnni"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
