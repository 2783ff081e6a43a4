package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook under notebooks/ and every instructor solution under solutions/, found by glob, each top
 * to bottom in a fresh kernel through real Jupyter (nbclient) with the course's kernel installed in a private prefix.
 * A notebook asserts what it claims, so a notebook that runs is a notebook whose claims held.
 */
class NotebookExecutionTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path JUPYTER_PREFIX = ROOT.resolve("build/test-jupyter");
    private static final Path EXECUTED = ROOT.resolve("build/test-notebooks");

    @BeforeAll
    static void installKernelInAPrivatePrefix() throws Exception {
        Path jar = ROOT.resolve("kernel/target/quantcourse-kernel.jar");
        assertTrue(Files.isRegularFile(jar), "The kernel jar " + jar + " is missing: run `mvn package` (or ./course test) first");
        assertTrue(Files.isDirectory(ROOT.resolve("lib/target/lib")), "lib/target/lib is missing: run `mvn package` first");
        ProcessOutput install = run(List.of(javaExecutable(), "-jar", jar.toString(), "install", "--prefix", JUPYTER_PREFIX.toString()));
        assertEquals(0, install.exitCode(), "Installing the kernel failed:\n" + install.text());
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsTopToBottomInAFreshKernel() throws IOException {
        List<Path> notebooks = new ArrayList<>(glob(ROOT.resolve("notebooks")));
        notebooks.addAll(glob(ROOT.resolve("solutions")));
        assertFalse(notebooks.isEmpty(), "No notebooks found under " + ROOT.resolve("notebooks"));
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(ROOT.relativize(nb).toString(), () -> execute(nb)));
    }

    private static List<Path> glob(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d_.*\\.ipynb")).sorted().toList();
        }
    }

    private static void execute(Path notebook) throws Exception {
        Path out = EXECUTED.resolve(ROOT.relativize(notebook.getParent()));
        ProcessOutput result = run(List.of(python(), ROOT.resolve("tools/execute_notebooks.py").toString(),
                notebook.toString(), "--out", out.toString(), "--html"));
        System.out.println(result.text());
        assertEquals(0, result.exitCode(), notebook.getFileName() + " failed; the executed copy is in " + out + "\n" + result.tail(6000));
    }

    private static ProcessOutput run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("JUPYTER_PATH", JUPYTER_PREFIX.resolve("share/jupyter").toString());
        courseKnobsAsEnvironment(builder);
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes());
        return new ProcessOutput(process.waitFor(), text);
    }

    /** Passes -Dcourse.* knobs given to Maven on to the kernel as COURSE_* environment variables. */
    private static void courseKnobsAsEnvironment(ProcessBuilder builder) {
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("course."))
                .forEach(name -> builder.environment().put(
                        name.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT),
                        System.getProperty(name)));
    }

    private static String python() {
        String configured = System.getenv("COURSE_PYTHON");
        return configured != null && !configured.isBlank() ? configured : "/usr/bin/python3";
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record ProcessOutput(int exitCode, String text) {
        String tail(int chars) {
            return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
        }
    }
}
