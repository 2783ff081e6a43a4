package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook under notebooks/ and every instructor solution under solutions/, found by glob, each top
 * to bottom in a fresh kernel through real Jupyter (nbclient) with the course's kernel installed in a private prefix
 * (with COURSE_NOTEBOOKS_ONLY=true, as in CI's second pass on another data set, the solutions are left out).
 * A notebook asserts what it claims, so a notebook that runs is a notebook whose claims held.
 *
 * <p>Notebooks run {@value #DEFAULT_JOBS} at a time (COURSE_NOTEBOOK_JOBS), each kernel given its share of the
 * cores as OMP_NUM_THREADS, and are reported in order. No notebook claims a speed, and two kernels that need the
 * same missing model take turns training it (ModelCache's lock), so running side by side changes no claim.
 */
class NotebookExecutionTest {

    private static final Path EXECUTED = CourseKernel.ROOT.resolve("build/test-notebooks");
    static final int DEFAULT_JOBS = 2;
    private static final ExecutorService RUNNER = Executors.newFixedThreadPool(jobs());

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
        List<Future<CourseKernel.ProcessOutput>> runs = notebooks.stream().map(nb -> RUNNER.submit(() -> execute(nb))).toList();
        return IntStream.range(0, notebooks.size()).mapToObj(i -> DynamicTest.dynamicTest(
                CourseKernel.ROOT.relativize(notebooks.get(i)).toString(), () -> report(notebooks.get(i), runs.get(i).get())));
    }

    @AfterAll
    static void stopRunner() {
        RUNNER.shutdownNow();
    }

    /** How many notebooks run at once: COURSE_NOTEBOOK_JOBS, else {@value #DEFAULT_JOBS}, at most one per core. */
    static int jobs() {
        String configured = System.getenv("COURSE_NOTEBOOK_JOBS");
        int cores = Runtime.getRuntime().availableProcessors();
        int jobs = configured == null || configured.isBlank() ? Math.min(DEFAULT_JOBS, cores) : Integer.parseInt(configured.trim());
        if (jobs < 1) {
            throw new IllegalArgumentException("COURSE_NOTEBOOK_JOBS must be at least 1, not " + configured);
        }
        return jobs;
    }

    static List<Path> glob(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d_.*\\.ipynb")).sorted().toList();
        }
    }

    private static CourseKernel.ProcessOutput execute(Path notebook) throws Exception {
        Path echoLog = UpstreamIJavaEchoTest.echoLog(notebook);
        Files.deleteIfExists(echoLog);
        return CourseKernel.run(List.of(CourseKernel.python(), CourseKernel.ROOT.resolve("tools/execute_notebooks.py").toString(),
                notebook.toString(), "--out", executedFolder(notebook).toString(), "--html"),
                Map.of(UpstreamIJavaEchoTest.ECHO_LOG_VARIABLE, echoLog.toString(), "OMP_NUM_THREADS", String.valueOf(threadsPerKernel())));
    }

    private static void report(Path notebook, CourseKernel.ProcessOutput result) {
        System.out.println(result.text());
        assertEquals(0, result.exitCode(), notebook.getFileName() + " failed; the executed copy is in "
                + executedFolder(notebook) + "\n" + result.tail(6000));
    }

    private static Path executedFolder(Path notebook) {
        return EXECUTED.resolve(CourseKernel.ROOT.relativize(notebook.getParent()));
    }

    private static int threadsPerKernel() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / jobs());
    }
}
