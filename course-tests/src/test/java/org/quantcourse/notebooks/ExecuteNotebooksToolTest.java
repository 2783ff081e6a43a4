package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python tests of {@code tools/execute_notebooks.py} (course-tests/src/test/python/test_execute_notebooks.py),
 * which {@code ./course run} uses with {@code --jobs}: order of the report, each kernel's share of the cores, failures.
 */
class ExecuteNotebooksToolTest {

    @Test
    void theNotebookRunnerPassesItsTestsOnTinyPythonNotebooks() throws Exception {
        CourseKernel.ProcessOutput result = CourseKernel.run(List.of(CourseKernel.python(), "-m", "unittest", "-v",
                "course-tests/src/test/python/test_execute_notebooks.py"));
        System.out.println(result.text());
        assertEquals(0, result.exitCode(), "test_execute_notebooks.py failed:\n" + result.tail(6000));
    }
}
