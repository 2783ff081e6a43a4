package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No cell of a notebook or solution may end with an expression statement whose value upstream IJava 1.4 would echo
 * (it shows the last expression's value even after {@code ;}: {@code display(x);} returns a display id). Checked on
 * the run of {@link NotebookExecutionTest} (so the notebooks are not executed twice): with
 * {@value #ECHO_LOG_VARIABLE} set, the course kernel logs every cell whose last snippet produced such a hidden value,
 * one JSON line per cell in {@code build/test-notebooks/ijava-echo/}. Runs after that test (alphabetical order).
 */
class UpstreamIJavaEchoTest {

    /** The kernel's opt-in log of values IJava would echo (see the kernel's EchoAudit). */
    static final String ECHO_LOG_VARIABLE = "QUANTCOURSE_IJAVA_ECHO_LOG";
    private static final Path LOGS = CourseKernel.ROOT.resolve("build/test-notebooks/ijava-echo");

    /** The echo log of one notebook's run. */
    static Path echoLog(Path notebook) {
        Path relative = CourseKernel.ROOT.relativize(notebook);
        return LOGS.resolve(relative.toString().replace(".ipynb", ".jsonl"));
    }

    @TestFactory
    Stream<DynamicTest> noCellEndsWithAValueUpstreamIJavaWouldEcho() throws IOException {
        List<Path> notebooks = new ArrayList<>(NotebookExecutionTest.glob(CourseKernel.ROOT.resolve("notebooks")));
        notebooks.addAll(NotebookExecutionTest.glob(CourseKernel.ROOT.resolve("solutions")));
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(CourseKernel.ROOT.relativize(nb).toString(),
                () -> assertNoEchoedValue(nb)));
    }

    private static void assertNoEchoedValue(Path notebook) throws IOException {
        Path log = echoLog(notebook);
        assertTrue(Files.isRegularFile(log), "No echo log " + log + ": run NotebookExecutionTest first (./course test"
                + " runs both); the kernel writes it when " + ECHO_LOG_VARIABLE + " is set");
        List<String> cells = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        assertTrue(cells.isEmpty(), notebook.getFileName() + ": " + cells.size() + " cell(s) end with a value that"
                + " upstream IJava shows as an extra Out[n] (make the last statement yield no value, e.g. a void"
                + " helper):\n" + String.join("\n", cells));
    }
}
