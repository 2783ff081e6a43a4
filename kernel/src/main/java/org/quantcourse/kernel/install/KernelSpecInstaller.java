package org.quantcourse.kernel.install;

import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes and removes the kernelspec directory {@code <data dir>/kernels/java}: kernel.json (java with the JVM
 * options, {@code -jar} the copy of the kernel jar placed next to it, {@code kernel {connection_file}}) and the jar
 * itself, so the spec stays valid when the build directory changes.
 */
public final class KernelSpecInstaller {

    /** The name of the jar inside the kernelspec directory. */
    public static final String JAR_NAME = "quantcourse-kernel.jar";

    private KernelSpecInstaller() {
    }

    /** Installs the spec for the options using the given kernel jar; returns the spec directory. */
    public static Path install(InstallOptions options, Path kernelJar) throws IOException {
        if (!Files.isRegularFile(kernelJar) || !kernelJar.toString().endsWith(".jar")) {
            throw new IllegalArgumentException("install must run from the kernel jar (java -jar " + JAR_NAME
                    + " install ...); this code was loaded from " + kernelJar);
        }
        Path specDir = options.location().kernelsDirectory().resolve(options.name());
        Files.createDirectories(specDir);
        Path jar = specDir.resolve(JAR_NAME);
        if (!Files.exists(jar) || !Files.isSameFile(jar, kernelJar)) {
            Path temp = Files.createTempFile(specDir, JAR_NAME, ".part");
            Files.copy(kernelJar, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.writeString(specDir.resolve("kernel.json"), kernelJson(options, jar.toAbsolutePath()));
        return specDir;
    }

    /** Removes the spec directory if it holds a kernel.json; returns whether something was removed. */
    public static boolean uninstall(InstallOptions options) throws IOException {
        Path specDir = options.location().kernelsDirectory().resolve(options.name());
        if (!Files.isRegularFile(specDir.resolve("kernel.json"))) {
            return false;
        }
        try (Stream<Path> files = Files.walk(specDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return true;
    }

    /** The kernel.json text for the options and the installed jar. */
    public static String kernelJson(InstallOptions options, Path jar) {
        List<String> argv = new ArrayList<>();
        argv.add(options.javaExecutable());
        argv.addAll(options.jvmOptions());
        argv.addAll(List.of("-jar", jar.toString(), "kernel", "{connection_file}"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", options.displayName());
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", options.environment());
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }
}
