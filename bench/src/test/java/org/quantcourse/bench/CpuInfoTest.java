package org.quantcourse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpuInfoTest {

    private static final double TOLERANCE = 1e-9;

    private static String cpuinfo(String model, String mhz, String flags, int cpus) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cpus; i++) {
            text.append("processor\t: ").append(i).append("\nvendor_id\t: x\nmodel name\t: ").append(model)
                    .append("\ncpu MHz\t\t: ").append(mhz).append("\nflags\t\t: ").append(flags).append("\n\n");
        }
        return text.toString();
    }

    @Test
    void readsModelCpusClockAndTheFlagsThatMatter() {
        CpuInfo cpu = CpuInfo.parse(cpuinfo("AMD EPYC", "2445.404", "fpu sse4_2 avx fma avx2 sse4a", 2));
        assertEquals("AMD EPYC", cpu.model());
        assertEquals(2, cpu.logicalCpus());
        assertEquals(List.of("avx", "avx2", "fma"), cpu.flags());
        assertEquals(2445.404, cpu.megahertz(), TOLERANCE);
    }

    @ParameterizedTest(name = "{0} → {1} FLOP/cycle")
    @CsvSource({"'sse sse2', 8", "'sse2 avx', 16", "'avx avx2 fma', 32", "'avx avx2 fma avx512f avx512_vnni', 64"})
    void flopsPerCycleFollowTheWidestFmaUnits(String flags, int perCycle) {
        assertEquals(perCycle, CpuInfo.parse(cpuinfo("x", "1000", flags, 1)).flopsPerCycle());
    }

    @Test
    void peakIsCoresTimesGigahertzTimesFlopsPerCycle() {
        CpuInfo cpu = CpuInfo.parse(cpuinfo("AMD EPYC", "2500.0", "avx avx2 fma", 2));
        assertEquals(2 * 2.5 * 32, cpu.peakGflops(2), TOLERANCE);
        assertEquals(80, cpu.peakGflops(1), TOLERANCE);
    }

    @Test
    void aMissingFieldGivesAnUnknownCpuWithoutPeak() {
        CpuInfo cpu = CpuInfo.parse("processor\t: 0\n");
        assertEquals("unknown CPU", cpu.model());
        assertEquals(0, cpu.peakGflops(1), TOLERANCE);
    }
}
