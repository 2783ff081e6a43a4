package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Through real Jupyter: interrupting a cell that trains the CNN stops it between batches, and the model stays usable. */
class TrainingInterruptTest {

    @BeforeAll
    static void installKernel() throws Exception {
        CourseKernel.install();
    }

    @Test
    void interruptStopsDl4jTrainingBetweenBatchesAndKeepsTheSession() throws Exception {
        CourseKernel.ProcessOutput result = CourseKernel.run(List.of(CourseKernel.python(), "-m", "unittest", "-v",
                "course-tests/src/test/python/test_training_interrupt.py"));
        System.out.println(result.text());
        assertEquals(0, result.exitCode(), "the training-interrupt test failed:\n" + result.tail(6000));
    }
}
