package org.quantcourse.kernel;

import org.quantcourse.kernel.magic.GlobPaths;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The IJava environment variables: {@code IJAVA_CLASSPATH} (globs), {@code IJAVA_COMPILER_OPTS},
 * {@code IJAVA_STARTUP_SCRIPTS_PATH} (globs of .jshell files), {@code IJAVA_STARTUP_SCRIPT} (code) and
 * {@code IJAVA_TIMEOUT} (milliseconds, or e.g. {@code "30 SECONDS"}; below 1 means none).
 */
public record KernelEnvironment(List<String> classpath, List<String> compilerOptions, List<Path> startupScripts,
                                String startupScript, Duration timeout, List<String> warnings) {

    /** Reads the variables from the given environment, resolving globs against the working directory. */
    public static KernelEnvironment from(Map<String, String> env, Path workingDirectory) {
        List<String> warnings = new ArrayList<>();
        List<String> classpath = globs(env.get("IJAVA_CLASSPATH"), workingDirectory, warnings).stream()
                .map(Path::toString).toList();
        List<Path> scripts = globs(env.get("IJAVA_STARTUP_SCRIPTS_PATH"), workingDirectory, warnings);
        String options = env.getOrDefault("IJAVA_COMPILER_OPTS", "").trim();
        List<String> compilerOptions = options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
        Duration timeout = Duration.ZERO;
        try {
            timeout = parseTimeout(env.getOrDefault("IJAVA_TIMEOUT", "-1"));
        } catch (IllegalArgumentException e) {
            warnings.add(e.getMessage());
        }
        return new KernelEnvironment(classpath, compilerOptions, scripts, env.getOrDefault("IJAVA_STARTUP_SCRIPT", ""),
                timeout, warnings);
    }

    /** Parses a timeout: a number of milliseconds, optionally followed by a TimeUnit name; below 1 is none. */
    public static Duration parseTimeout(String text) {
        String[] parts = text.trim().split("\\s+");
        try {
            long amount = Long.parseLong(parts[0]);
            TimeUnit unit = parts.length > 1 ? TimeUnit.valueOf(parts[1].toUpperCase(Locale.ROOT)) : TimeUnit.MILLISECONDS;
            return amount < 1 ? Duration.ZERO : Duration.ofNanos(unit.toNanos(amount));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("IJAVA_TIMEOUT must be milliseconds or '<n> <TimeUnit>' such as "
                    + "'30 SECONDS' (or -1 for none); got '" + text + "'");
        }
    }

    private static List<Path> globs(String value, Path workingDirectory, List<String> warnings) {
        List<Path> paths = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return paths;
        }
        for (String glob : value.split(File.pathSeparator)) {
            if (glob.isBlank()) {
                continue;
            }
            try {
                List<Path> matches = GlobPaths.matching(glob.trim(), workingDirectory);
                if (matches.isEmpty()) {
                    warnings.add("nothing matches '" + glob + "'");
                }
                paths.addAll(matches);
            } catch (RuntimeException e) {
                warnings.add("cannot read '" + glob + "': " + e.getMessage());
            }
        }
        return paths;
    }
}
