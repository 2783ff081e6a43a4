package org.quantcourse.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A Jupyter data directory that holds kernelspecs: the user's, the Python environment's, or under a prefix. */
public record SpecLocation(String description, Path dataDirectory) {

    /** The {@code kernels} directory of this data directory. */
    public Path kernelsDirectory() {
        return dataDirectory.resolve("kernels");
    }

    /** {@code P/share/jupyter}. */
    public static SpecLocation prefix(Path prefix) {
        return new SpecLocation("prefix " + prefix, prefix.toAbsolutePath().normalize().resolve("share").resolve("jupyter"));
    }

    /** The user's Jupyter data directory ($JUPYTER_DATA_DIR, else the platform default). */
    public static SpecLocation user() {
        String custom = System.getenv("JUPYTER_DATA_DIR");
        if (custom != null && !custom.isBlank()) {
            return new SpecLocation("user", Path.of(custom));
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return new SpecLocation("user", home.resolve("Library").resolve("Jupyter"));
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return new SpecLocation("user", Path.of(appData == null ? home.toString() : appData).resolve("jupyter"));
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return new SpecLocation("user", data.resolve("jupyter"));
    }

    /**
     * The data directory of the Python environment Jupyter runs in: $CONDA_PREFIX or $VIRTUAL_ENV when set, else
     * {@code sys.prefix} of the interpreter named in the {@code jupyter} script's first line.
     */
    public static SpecLocation sysPrefix() {
        for (String variable : List.of("CONDA_PREFIX", "VIRTUAL_ENV")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return prefix(Path.of(value));
            }
        }
        String python = jupyterPython().orElse("/usr/bin/python3");
        return prefix(Path.of(pythonPrefix(python)));
    }

    private static Optional<String> jupyterPython() {
        String path = System.getenv().getOrDefault("PATH", "");
        List<Path> candidates = new java.util.ArrayList<>();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            candidates.add(Path.of(dir, "jupyter"));
        }
        candidates.add(Path.of("/usr/bin/jupyter"));
        for (Path jupyter : candidates) {
            try {
                if (Files.isRegularFile(jupyter)) {
                    String first = Files.readAllLines(jupyter, StandardCharsets.UTF_8).stream().findFirst().orElse("");
                    if (first.startsWith("#!")) {
                        return Optional.of(first.substring(2).trim().split("\\s+")[0]);
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // not a readable script: try the next candidate
            }
        }
        return Optional.empty();
    }

    private static String pythonPrefix(String python) {
        try {
            Process process = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
            throw new IllegalStateException("'" + python + "' printed: " + out);
        } catch (IOException | InterruptedException | IllegalStateException e) {
            throw new IllegalStateException("Cannot find the Python environment of Jupyter (" + e.getMessage()
                    + "); use --user or --prefix DIR instead of --sys-prefix", e);
        }
    }
}
