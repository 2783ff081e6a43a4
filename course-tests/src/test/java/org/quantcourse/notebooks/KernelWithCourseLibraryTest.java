package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through real Jupyter, the course's kernel with the course library loaded: rich output (charts, tables, arrays, live
 * progress) and an interrupt that stops DL4J training between batches while the model stays usable.
 */
class KernelWithCourseLibraryTest {

    @BeforeAll
    static void installKernel() throws Exception {
        CourseKernel.install();
    }

    @Test
    void interruptStopsDl4jTrainingBetweenBatchesAndKeepsTheSession() throws Exception {
        runPythonSuite("test_training_interrupt");
    }

    @Test
    void chartsTablesArraysAndProgressRenderRichly() throws Exception {
        runPythonSuite("test_rich_output");
    }

    private static void runPythonSuite(String module) throws Exception {
        CourseKernel.ProcessOutput result = CourseKernel.run(List.of(CourseKernel.python(), "-m", "unittest", "-v",
                "course-tests/src/test/python/" + module + ".py"), CourseKernel.SHARED_PYTHON_HARNESS);
        System.out.println(result.text());
        assertEquals(0, result.exitCode(), module + " failed:\n" + result.tail(6000));
    }
}
