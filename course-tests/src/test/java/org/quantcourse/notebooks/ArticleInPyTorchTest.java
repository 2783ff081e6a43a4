package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs reference/article_in_pytorch.py (the article's listing in PyTorch, then its minimal fixes) when
 * /usr/bin/python3 has torch; it writes build/results/pytorch_reference.csv, which notebook 06 reads and
 * {@link PyTorchReferenceShapeTest} compares with the Java sweep. Runs before the notebooks (alphabetical order).
 * Under {@code ./course test} the script already ran in the background, on one thread, beside the library's and the
 * kernel's tests; this test then waits for that run and checks its output.
 */
class ArticleInPyTorchTest {
    static final Path CSV = CourseKernel.ROOT.resolve("build/results/pytorch_reference.csv");

    /** Set by {@code ./course test}: the folder of the run it started in the background (output.txt, exit-code). */
    static final String BACKGROUND_RUN = "COURSE_PYTORCH_REFERENCE_RUN";
    /** How long to wait for that run; it normally ends while the library's and the kernel's tests run. */
    static final Duration BACKGROUND_LIMIT = Duration.ofMinutes(30);

    @Test
    void theListingFailsAsTheArticleFolderSaysThenTheFixedVersionWritesItsTable() throws Exception {
        Assumptions.assumeTrue(PyTorch.available(), PyTorch.SKIP_REASON);
        String background = System.getenv(BACKGROUND_RUN);
        CourseKernel.ProcessOutput out = background == null || background.isBlank() ? runNow()
                : finished(Path.of(background));
        System.out.println(out.text());
        assertEquals(0, out.exitCode(), "reference/article_in_pytorch.py failed:\n" + out.tail(4000));
        for (String failure : List.of("mat1 and mat2 shapes cannot be multiplied (64x2304 and 16384x100)",
                "Only Tensors of floating point and complex dtype can require gradients",
                "'NoneType' object is not callable", "Input type (torch.FloatTensor) and weight type (torch.ByteTensor)")) {
            assertTrue(out.text().contains(failure), "the run should show the failure '" + failure + "'");
        }
        assertTrue(Files.isRegularFile(CSV), "no table written to " + CSV);
    }

    private static CourseKernel.ProcessOutput runNow() throws Exception {
        Files.deleteIfExists(CSV);
        return CourseKernel.run(List.of(PyTorch.PYTHON,
                CourseKernel.ROOT.resolve("reference/article_in_pytorch.py").toString(), CSV.toString()));
    }

    /** The background run's exit code and output, once its exit-code file appears. */
    static CourseKernel.ProcessOutput finished(Path run) throws Exception {
        Path exitCode = run.resolve("exit-code");
        long deadline = System.nanoTime() + BACKGROUND_LIMIT.toNanos();
        while (!Files.isRegularFile(exitCode) || Files.readString(exitCode).isBlank()) {
            assertTrue(Files.isDirectory(run), BACKGROUND_RUN + "=" + run + " is not a folder: unset it to run the"
                    + " reference here, or run ./course test");
            assertTrue(System.nanoTime() < deadline, "the background PyTorch run in " + run + " did not finish in "
                    + BACKGROUND_LIMIT.toMinutes() + " minutes; its output so far:\n" + read(run.resolve("output.txt")));
            Thread.sleep(1000);
        }
        return new CourseKernel.ProcessOutput(Integer.parseInt(Files.readString(exitCode).trim()),
                read(run.resolve("output.txt")));
    }

    private static String read(Path file) throws Exception {
        return Files.isRegularFile(file) ? Files.readString(file) : "";
    }
}
