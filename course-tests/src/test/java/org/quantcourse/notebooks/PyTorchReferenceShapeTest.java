package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The Java sweep (notebook 06, build/results/06_accuracy_vs_bit_width.csv) and the article's example in PyTorch
 * (build/results/pytorch_reference.csv) have the same shape: flat down to 4 bits, a knee at 3, per-tensor
 * symmetric collapsing at 2, the article's method at chance. Runs after the notebooks (alphabetical order).
 */
class PyTorchReferenceShapeTest {
    private static final Path JAVA_SWEEP = CourseKernel.ROOT.resolve("build/results/06_accuracy_vs_bit_width.csv");
    /** How far below the 8-bit accuracy a width may fall and still count as flat. */
    private static final double FLAT = 0.03;
    /** How far the best method may fall at the knee (3 bits) and still be usable. */
    private static final double KNEE = 0.06;
    /** How far symmetric per-tensor must fall from 3 to 2 bits to count as a collapse (at CI's small knobs the
     *  PyTorch model falls 84 -> 43 %, at full size 87 -> 19 %; Java 91 -> 13 % and 94 -> 9 %). */
    private static final double COLLAPSE = 0.25;
    /** Accuracy at or below which a method counts as at chance (10 classes). */
    private static final double CHANCE = 0.2;
    private static final List<String> UNIFORM = List.of("symmetric per-tensor", "symmetric per-channel",
            "asymmetric per-tensor", "asymmetric per-channel");

    @Test
    void javaSweepAndPyTorchTableHaveTheSameShape() {
        Assumptions.assumeTrue(PyTorch.available(), PyTorch.SKIP_REASON);
        assertTrue(Files.isRegularFile(ArticleInPyTorchTest.CSV), ArticleInPyTorchTest.CSV + " is missing");
        assertTrue(Files.isRegularFile(JAVA_SWEEP), JAVA_SWEEP + " is missing: notebook 06 writes it");
        List<String> problems = new ArrayList<>(shapeProblems("Java", Table.read().csv(JAVA_SWEEP.toFile())));
        problems.addAll(shapeProblems("PyTorch", Table.read().csv(ArticleInPyTorchTest.CSV.toFile())));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Every way the table departs from the expected shape, named. */
    static List<String> shapeProblems(String name, Table t) {
        List<String> problems = new ArrayList<>();
        double top = UNIFORM.stream().mapToDouble(m -> accuracy(t, m, 8)).max().orElseThrow();
        for (String method : UNIFORM) {
            for (int bits = 4; bits <= 8; bits++) {
                check(problems, accuracy(t, method, bits) >= top - FLAT, name + ": " + method + " at " + bits
                        + " bits is " + accuracy(t, method, bits) + ", more than " + FLAT + " below " + top + " (not flat)");
            }
        }
        double bestAt3 = UNIFORM.stream().mapToDouble(m -> accuracy(t, m, 3)).max().orElseThrow();
        check(problems, bestAt3 >= top - KNEE, name + ": no method is usable at 3 bits (" + bestAt3 + ")");
        double symTensor2 = accuracy(t, "symmetric per-tensor", 2);
        double symTensor3 = accuracy(t, "symmetric per-tensor", 3);
        check(problems, symTensor2 <= symTensor3 - COLLAPSE, name + ": symmetric per-tensor at 2 bits is " + symTensor2
                + ", not a collapse of at least " + COLLAPSE + " from its " + symTensor3 + " at 3 bits");
        for (int bits = 1; bits <= 8; bits++) {
            double article = accuracy(t, "article's quantize()", bits);
            check(problems, article <= CHANCE, name + ": the article's method at " + bits + " bits is " + article);
        }
        return problems;
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static double accuracy(Table t, String method, int bits) {
        Table row = t.where(t.stringColumn("method").isEqualTo(method).and(t.intColumn("bits").isEqualTo(bits)));
        if (row.isEmpty()) {
            throw new AssertionError("no row for " + method + " at " + bits + " bits");
        }
        return row.doubleColumn("accuracy").get(0);
    }
}
