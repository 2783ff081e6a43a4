package org.quantcourse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CPU as {@code /proc/cpuinfo} describes it: model, logical CPUs, the ISA flags that decide FP32 and int8 speed,
 * and the clock the kernel reports ({@code cpu MHz}: the nominal one under a hypervisor, not the turbo clock).
 *
 * <p>FP32 peak = threads × GHz × FLOPs per cycle and core, where a core with two FMA units does
 * {@code 2 units × lanes × 2} FLOPs per cycle: 32 with AVX2 + FMA (8 lanes, Zen/Skylake-class), 64 with AVX-512
 * (16 lanes; Zen 4 executes AVX-512 in two halves, so it is 32 there too), 16 with AVX alone, 8 with SSE.
 *
 * @param model     the {@code model name}
 * @param logicalCpus the number of {@code processor} entries
 * @param flags     the ISA flags of {@link #FLAGS} that the CPU has
 * @param megahertz the {@code cpu MHz} of the first CPU (0 when unknown)
 */
record CpuInfo(String model, int logicalCpus, List<String> flags, double megahertz) {

    /** The flags that matter for FP32 and int8 speed, in the order they are printed. */
    static final List<String> FLAGS = List.of("avx", "avx2", "fma", "avx512f", "avx512bw", "avx512_vnni", "avx_vnni",
            "amx_tile", "amx_int8");

    /** The CPU this JVM runs on; "unknown CPU" when /proc/cpuinfo cannot be read. */
    static CpuInfo current() {
        try {
            return parse(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException e) {
            return new CpuInfo("unknown CPU", Runtime.getRuntime().availableProcessors(), List.of(), 0);
        }
    }

    /** Reads the text of {@code /proc/cpuinfo}. */
    static CpuInfo parse(String cpuinfo) {
        List<String> lines = cpuinfo.lines().toList();
        Set<String> flags = Set.of(field(lines, "flags").split("\\s+"));
        String mhz = field(lines, "cpu MHz");
        return new CpuInfo(field(lines, "model name").isEmpty() ? "unknown CPU" : field(lines, "model name"),
                (int) lines.stream().filter(line -> line.startsWith("processor")).count(),
                FLAGS.stream().filter(flags::contains).toList(), mhz.isEmpty() ? 0 : Double.parseDouble(mhz));
    }

    /** FP32 FLOPs per cycle and core from the ISA flags (two FMA units assumed for AVX2 and AVX-512). */
    int flopsPerCycle() {
        if (flags.contains("avx512f")) {
            return 64;
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return 32;
        }
        return flags.contains("avx") ? 16 : 8;
    }

    /** FP32 peak in GFLOP/s of {@code threads} cores at the nominal clock. */
    double peakGflops(int threads) {
        return threads * megahertz / 1000 * flopsPerCycle();
    }

    /** One line: model, logical CPUs, flags, nominal clock, FLOPs/cycle. */
    String describe() {
        return String.format(Locale.ROOT, "%s, %d logical CPUs, %s, %.0f MHz nominal (cpu MHz), %d FP32 FLOP/cycle/core",
                model, logicalCpus, flags.isEmpty() ? "no AVX" : String.join(" ", flags), megahertz, flopsPerCycle());
    }

    private static String field(List<String> lines, String name) {
        return lines.stream().filter(line -> line.startsWith(name) && line.contains(":"))
                .filter(line -> line.substring(0, line.indexOf(':')).trim().equals(name))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("");
    }
}
