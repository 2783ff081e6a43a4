package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * to bottom in a fresh kernel through real Jupyter (nbclient) with the course's kernel installed in a private prefix
 * (with COURSE_NOTEBOOKS_ONLY=true, as in CI's second pass on another data set, the solutions are left out).
 * A notebook asserts what it claims, so a notebook that runs is a notebook whose claims held.
 */
class NotebookExecutionTest {

    private static final Path EXECUTED = CourseKernel.ROOT.resolve("build/test-notebooks");

    @BeforeAll
    static void installKernel() throws Exception {
        CourseKernel.install();
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsTopToBottomInAFreshKernel() throws IOException {
        List<Path> notebooks = new ArrayList<>(glob(CourseKernel.ROOT.resolve("notebooks")));
        if (!"true".equals(System.getenv("COURSE_NOTEBOOKS_ONLY"))) {
            notebooks.addAll(glob(CourseKernel.ROOT.resolve("solutions")));
        }
        assertFalse(notebooks.isEmpty(), "No notebooks found under " + CourseKernel.ROOT.resolve("notebooks"));
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(CourseKernel.ROOT.relativize(nb).toString(), () -> execute(nb)));
    }

    static List<Path> glob(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d_.*\\.ipynb")).sorted().toList();
        }
    }

    private static void execute(Path notebook) throws Exception {
        Path out = EXECUTED.resolve(CourseKernel.ROOT.relativize(notebook.getParent()));
        Path echoLog = UpstreamIJavaEchoTest.echoLog(notebook);
        Files.deleteIfExists(echoLog);
        CourseKernel.ProcessOutput result = CourseKernel.run(List.of(CourseKernel.python(),
                CourseKernel.ROOT.resolve("tools/execute_notebooks.py").toString(), notebook.toString(), "--out", out.toString(), "--html"),
                java.util.Map.of(UpstreamIJavaEchoTest.ECHO_LOG_VARIABLE, echoLog.toString()));
        System.out.println(result.text());
        assertEquals(0, result.exitCode(), notebook.getFileName() + " failed; the executed copy is in " + out + "\n" + result.tail(6000));
    }
}
