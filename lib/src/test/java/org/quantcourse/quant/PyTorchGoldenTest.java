package org.quantcourse.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The course's quantizers against PyTorch itself: golden fixtures made by {@code reference/make_golden_fixtures.py}
 * with torch's {@code fake_quantize_per_tensor_affine} / {@code _per_channel_affine} and its min-max observers.
 * Every value must agree bit for bit. When {@code /usr/bin/python3} has torch, the fixtures are also regenerated
 * live and compared the same way.
 */
class PyTorchGoldenTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("..", "reference", "make_golden_fixtures.py");

    static Stream<GoldenFixtures.Case> fakeQuantizeCases() {
        return GoldenFixtures.read(GoldenFixtures.committed("fake_quantize.txt")).cases().stream();
    }

    static Stream<GoldenFixtures.Case> observerCases() {
        return GoldenFixtures.read(GoldenFixtures.committed("observer.txt")).cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fakeQuantizeCases")
    void fakeQuantizeWithGivenParametersMatchesTorchBitForBit(GoldenFixtures.Case c) {
        assertArrayEquals(bits(c.floats("expected")), bits(fakeQuantize(c)), c.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("observerCases")
    void pytorchScaleRuleMatchesTorchObserversBitForBit(GoldenFixtures.Case c) {
        QuantizedTensor q = quantizer(c).withScaleRule(ScaleRule.PYTORCH).quantize(c.floats("x"), c.shape());
        assertArrayEquals(bits(c.floats("scales")), bits(q.params().scales()), c.name() + " scales");
        assertArrayEquals(c.integers("zero_points"), q.params().zeroPoints(), c.name() + " zero-points");
        assertArrayEquals(bits(c.floats("expected")), bits(q.toFloatArray()), c.name() + " values");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("observerCases")
    void courseScaleRuleMatchesTorchExactlyForAsymmetricAndRestrictedSymmetric(GoldenFixtures.Case c) {
        QuantizedTensor q = quantizer(c).quantize(c.floats("x"), c.shape());
        boolean identical = Float.floatToIntBits(q.params().scales()[0]) == Float.floatToIntBits(c.floats("scales")[0]);
        if (c.text("scheme").equals("symmetric")) {
            // full signed range: the course divides max|x| by 2^(b-1)-1, PyTorch by (2^b - 1)/2
            assertFalse(identical, c.name() + ": the two rules differ on the full signed range");
        } else {
            assertArrayEquals(bits(c.floats("scales")), bits(q.params().scales()), c.name() + " scales");
            assertArrayEquals(c.integers("zero_points"), q.params().zeroPoints(), c.name() + " zero-points");
            assertArrayEquals(bits(c.floats("expected")), bits(q.toFloatArray()), c.name() + " values");
        }
    }

    @Test
    void theIssuesTiesWithAnOddZeroPointGiveWhatTorchGives() {
        // x = {0.5, 1.5, 2.5, -0.5}, s = 1, z = 1, codes 0..255: round(x/s) + z, not round(x/s + z)
        float[] y = FakeQuantize.apply(new float[] {0.5f, 1.5f, 2.5f, -0.5f}, 1f, 1, 0, 255);
        assertArrayEquals(new float[] {0f, 2f, 2f, 0f}, y);
    }

    @Test
    void liveTorchRegeneratesTheSameFixturesAndTheCourseStillMatches(@TempDir Path dir)
            throws IOException, InterruptedException {
        Assumptions.assumeTrue(torchAvailable(), "skipped: /usr/bin/python3 cannot import torch"
                + " (install python3-torch, e.g. ./course setup as root) -- the committed fixtures are still checked");
        Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "fixture script failed:\n" + output);
        for (String name : List.of("fake_quantize.txt", "observer.txt")) {
            List<GoldenFixtures.Case> live = GoldenFixtures.read(dir.resolve(name)).cases();
            List<GoldenFixtures.Case> committed = GoldenFixtures.read(GoldenFixtures.committed(name)).cases();
            assertEquals(committed.size(), live.size(), name + ": number of cases");
            for (int i = 0; i < live.size(); i++) {
                assertEquals(committed.get(i).fields().get("x"), live.get(i).fields().get("x"), name + " inputs");
            }
        }
        GoldenFixtures.read(dir.resolve("fake_quantize.txt")).cases().forEach(this::fakeQuantizeWithGivenParametersMatchesTorchBitForBit);
        GoldenFixtures.read(dir.resolve("observer.txt")).cases().forEach(this::pytorchScaleRuleMatchesTorchObserversBitForBit);
    }

    private static boolean torchAvailable() {
        if (!Files.isExecutable(PYTHON) || !Files.isRegularFile(SCRIPT)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Torch's fake_quantize through the course: FakeQuantize per tensor, Quantizer with given params per channel. */
    private static float[] fakeQuantize(GoldenFixtures.Case c) {
        int axis = c.integer("axis");
        int qmin = c.integer("qmin");
        int qmax = c.integer("qmax");
        float[] x = c.floats("x");
        if (axis < 0) {
            return FakeQuantize.apply(x, c.floats("scales")[0], c.integers("zero_points")[0], qmin, qmax);
        }
        int bits = Integer.numberOfTrailingZeros(Integer.highestOneBit(qmax - qmin + 1));
        Scheme scheme = qmin < 0 ? Scheme.SYMMETRIC : Scheme.ASYMMETRIC;
        QuantParams p = new QuantParams(scheme, bits, qmin, qmax, Granularity.perChannel(axis), c.floats("scales"),
                c.integers("zero_points"));
        return Quantizer.of(scheme, bits).quantize(Nd4j.create(x, c.shape(), 'c'), p).toFloatArray();
    }

    private static Quantizer quantizer(GoldenFixtures.Case c) {
        int bits = c.integer("bits");
        Quantizer q = switch (c.text("scheme")) {
            case "asymmetric" -> Quantizer.asymmetric(bits);
            case "restricted" -> Quantizer.symmetric(bits).restrictedRange();
            default -> Quantizer.symmetric(bits);
        };
        int axis = c.integer("axis");
        return axis < 0 ? q : q.perChannel(axis);
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToIntBits(v[i]);
        }
        return out;
    }
}
