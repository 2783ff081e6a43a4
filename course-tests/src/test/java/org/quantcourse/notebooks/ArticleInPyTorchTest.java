package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs reference/article_in_pytorch.py (the article's listing in PyTorch, then its minimal fixes) when
 * /usr/bin/python3 has torch; it writes build/results/pytorch_reference.csv, which notebook 06 reads and
 * {@link PyTorchReferenceShapeTest} compares with the Java sweep. Runs before the notebooks (alphabetical order).
 */
class ArticleInPyTorchTest {
    static final Path CSV = CourseKernel.ROOT.resolve("build/results/pytorch_reference.csv");

    @Test
    void theListingFailsAsTheArticleFolderSaysThenTheFixedVersionWritesItsTable() throws Exception {
        Assumptions.assumeTrue(PyTorch.available(), PyTorch.SKIP_REASON);
        Files.deleteIfExists(CSV);
        CourseKernel.ProcessOutput out = CourseKernel.run(List.of(PyTorch.PYTHON,
                CourseKernel.ROOT.resolve("reference/article_in_pytorch.py").toString(), CSV.toString()));
        System.out.println(out.text());
        assertEquals(0, out.exitCode(), "reference/article_in_pytorch.py failed:\n" + out.tail(4000));
        for (String failure : List.of("mat1 and mat2 shapes cannot be multiplied (64x2304 and 16384x100)",
                "Only Tensors of floating point and complex dtype can require gradients",
                "'NoneType' object is not callable", "Input type (torch.FloatTensor) and weight type (torch.ByteTensor)")) {
            assertTrue(out.text().contains(failure), "the run should show the failure '" + failure + "'");
        }
        assertTrue(Files.isRegularFile(CSV), "no table written to " + CSV);
    }
}
