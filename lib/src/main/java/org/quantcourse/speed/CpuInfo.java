package org.quantcourse.speed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU the numbers were measured on: model name, logical processors, and which of the SIMD extensions that
 * matter for int8 and FP32 inference it has (AVX2, FMA, AVX-512, AVX-512 VNNI, AVX-VNNI, AMX). Read from
 * {@code /proc/cpuinfo} on Linux; elsewhere only the processor count is known. Used in notebooks 09, 10.
 *
 * @param model model name, e.g. "AMD EPYC"
 * @param processors logical processors available to the JVM
 * @param flags the relevant ISA flags present, sorted
 */
public record CpuInfo(String model, int processors, Set<String> flags) {
    /** The flags that decide int8 speed: VNNI adds u8·s8 → int32 dot products, AMX int8 tile multiplies. */
    public static final List<String> RELEVANT_FLAGS = List.of("avx2", "fma", "avx512f", "avx512bw", "avx512_vnni",
            "avx_vnni", "amx_int8", "amx_tile");

    /** Copies the flags. */
    public CpuInfo {
        flags = Set.copyOf(new TreeSet<>(flags));
    }

    /** This machine's CPU. */
    public static CpuInfo current() {
        int processors = Runtime.getRuntime().availableProcessors();
        try {
            return parse(Files.readAllLines(Path.of("/proc/cpuinfo")), processors);
        } catch (IOException | RuntimeException e) {
            return new CpuInfo(System.getProperty("os.arch"), processors, Set.of());
        }
    }

    /** Parses the lines of {@code /proc/cpuinfo} (first processor). */
    static CpuInfo parse(List<String> lines, int processors) {
        String model = value(lines, "model name");
        Set<String> present = new TreeSet<>(List.of(value(lines, "flags").split("\\s+")));
        present.retainAll(RELEVANT_FLAGS);
        return new CpuInfo(model.isEmpty() ? "unknown" : model, processors, present);
    }

    /** True when the CPU has an int8 dot-product instruction (AVX-512 VNNI or AVX-VNNI) or AMX. */
    public boolean hasInt8DotProduct() {
        return flags.contains("avx512_vnni") || flags.contains("avx_vnni") || flags.contains("amx_int8");
    }

    /** One line, e.g. {@code AMD EPYC, 2 CPUs, avx2 fma (no VNNI/AMX)}. */
    public String summary() {
        return model + ", " + processors + " CPUs, " + String.join(" ", new TreeSet<>(flags))
                + (hasInt8DotProduct() ? "" : " (no VNNI/AMX)");
    }

    private static String value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("");
    }
}
