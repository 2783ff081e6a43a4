package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quantcourse.quant.BitPacker;
import org.quantcourse.train.ArticleCnn;

/** The coding exercises and choice questions of notebooks 00–14: right answers pass, wrong ones fail, loops learn nothing. */
class UnderstandingExercisesTest implements FreshAttemptsEachTest {

    private static final long SEED = Judging.SEED;

    @Test
    void loopingOverCandidateNumbersNeverFindsTheAnswer() {
        long found = -1;
        for (long candidate = 0; candidate <= 1000; candidate++) {
            found = Exercises02.packedBytes(candidate).passed() ? candidate : found;
        }
        assertEquals(-1, found, "375 is right, but after two wrong answers nothing is judged");
    }

    @Test
    void aWrongNumberGetsTheFirstHintThenTheSecond() {
        CheckResult first = Exercises02.symmetricScale(1);
        CheckResult second = Exercises02.symmetricScale(2);
        assertTrue(first.message().contains("depends only on the largest magnitude"), first.message());
        assertTrue(second.message().contains("2^(b−1) − 1"), second.message());
        assertFalse(Exercises02.symmetricScale(0.5 / 127).passed(), "cooling down: not judged");
    }

    @Test
    void pixelsToFloatsAcceptsTheUnsignedConversionOnly() {
        assertTrue(Exercises00.pixelsToFloats(SEED).check(c -> {
            float[] out = new float[c.bytes().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (c.bytes()[i] & 0xFF) / 255f;
            }
            return out;
        }).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises00.pixelsToFloats(SEED).check(c -> {
            float[] out = new float[c.bytes().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = c.bytes()[i] / 255f;
            }
            return out;
        })), "signed bytes give negative pixels");
    }

    @Test
    void articleQuantizeAcceptsTheFormulaAndRejectsAMissingClamp() {
        assertTrue(Exercises01.articleQuantize(SEED).check(c -> {
            float v = (float) Math.rint(c.weight() / 255f * (1 << c.bits()));
            return Math.max(0f, Math.min(255f, v));
        }).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises01.articleQuantize(SEED)
                .check(c -> (float) Math.rint(c.weight() / 255f * (1 << c.bits())))), "no clamp to [0, 255]");
        assertFalse(Judging.passesFirstTime(() -> Exercises01.articleQuantize(SEED).check(c -> 0f)), "always 0");
    }

    @Test
    void symmetricQuantizerAcceptsAFromScratchVersionInDouble() {
        assertTrue(Exercises02.symmetricQuantizer(SEED).check(c -> quantized(c, (1 << (c.bits() - 1)) - 1)).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises02.symmetricQuantizer(SEED)
                .check(c -> quantized(c, 1 << (c.bits() - 1)))), "dividing by 2^(b−1) instead of 2^(b−1) − 1");
    }

    private static int[] quantized(Exercises02.TensorAndBits c, int divisor) {
        double maxAbs = 0;
        for (float v : c.values()) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        double s = maxAbs / divisor;
        int[] q = new int[c.values().length];
        for (int i = 0; i < q.length; i++) {
            q[i] = (int) Math.max(-(1 << (c.bits() - 1)), Math.min((1 << (c.bits() - 1)) - 1, Math.rint(c.values()[i] / s)));
        }
        return q;
    }

    @Test
    void momentumStepAcceptsClassicalMomentumAndRejectsPlainSgd() {
        assertTrue(Exercises03.momentumStep(SEED).check(c -> step(c, c.mu())).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises03.momentumStep(SEED).check(c -> step(c, 0))),
                "plain SGD ignores the velocity");
    }

    private static double[][] step(Exercises03.MomentumStep c, double mu) {
        double[] theta = c.theta().clone();
        double[] v = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            v[i] = mu * c.velocity()[i] - c.eta() * c.gradient()[i];
            theta[i] += v[i];
        }
        return new double[][] {theta, v};
    }

    @Test
    void confusionMatrixAcceptsRowsAsTrueClassesNotColumns() {
        assertTrue(Exercises04.confusionMatrix(SEED).check(c -> counted(c, false)).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises04.confusionMatrix(SEED).check(c -> counted(c, true))),
                "transposed: rows are the predictions");
    }

    private static int[][] counted(Exercises04.Predictions c, boolean transposed) {
        int[][] m = new int[c.classes()][c.classes()];
        for (int i = 0; i < c.labels().length; i++) {
            m[transposed ? c.predicted()[i] : c.labels()[i]][transposed ? c.labels()[i] : c.predicted()[i]]++;
        }
        return m;
    }

    @Test
    void packerAcceptsLeastSignificantBitFirstAndRejectsMostSignificantFirst() {
        assertTrue(Exercises05.packer(SEED).check(c -> packed(c, false)).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises05.packer(SEED).check(c -> packed(c, true))),
                "the bits of a byte in the other order");
        assertFalse(Judging.passesFirstTime(() -> Exercises05.packer(SEED).check(c -> {
            byte[] out = new byte[c.codes().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) c.codes()[i];
            }
            return out;
        })), "one byte per code is not packing");
    }

    private static byte[] packed(Exercises05.Codes c, boolean mostSignificantFirst) {
        byte[] out = new byte[(int) BitPacker.packedLength(c.codes().length, c.bits())];
        for (int i = 0; i < c.codes().length; i++) {
            for (int j = 0; j < c.bits(); j++) {
                int k = i * c.bits() + j;
                int position = mostSignificantFirst ? 7 - k % 8 : k % 8;
                out[k / 8] |= (byte) (((c.codes()[i] >> j) & 1) << position);
            }
        }
        return out;
    }

    @Test
    void fewestBitsWalksDownFromEightAndIgnoresALuckyLowWidth() {
        assertTrue(Exercises06.fewestBits(SEED).check(c -> fewest(c, true)).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises06.fewestBits(SEED).check(c -> fewest(c, false))),
                "the first width within tolerance from below");
    }

    private static int fewest(Exercises06.Sweep c, boolean fromTheTop) {
        if (!fromTheTop) {
            for (int b = 1; b <= 8; b++) {
                if (c.fp32() - c.accuracyByBits()[b - 1] <= c.tolerance()) {
                    return b;
                }
            }
            return -1;
        }
        int smallest = -1;
        for (int b = 8; b >= 1 && c.fp32() - c.accuracyByBits()[b - 1] <= c.tolerance(); b--) {
            smallest = b;
        }
        return smallest;
    }

    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of((Supplier<ChoiceQuestion>) Exercises00::batchShapeQuestion, 'B'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises01::chanceQuestion, 'C'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises02::outlierQuestion, 'B'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises03::overshootQuestion, 'D'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises04::settingsQuestion, 'A'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises05::speedQuestion, 'C'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises06::twoBitQuestion, 'D'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises07::gradientFormat, 'B'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises07::unscaledE4m3, 'C'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises08::dynamicCost, 'B'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises09::whyInt8IsSlower, 'B'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises10::int8Speedup, 'B'),
                Arguments.of((Supplier<ChoiceQuestion>) Exercises14::fewestBits, 'B'));
    }

    /** A wrong answer to each numeric check of notebooks 07–14 that needs no trained model. */
    static Stream<Arguments> wrongNumbers() {
        return Stream.of(
                Arguments.of((Supplier<CheckResult>) () -> Exercises07.e3m4Max(31)),
                Arguments.of((Supplier<CheckResult>) () -> Exercises07.bf16Of257(258)),
                Arguments.of((Supplier<CheckResult>) () -> Exercises08.unsignedScale(0.375)),
                Arguments.of((Supplier<CheckResult>) () -> Exercises09.fc1AccumulatorBound(0)),
                Arguments.of((Supplier<CheckResult>) () -> Exercises09.shift(7)),
                Arguments.of((Supplier<CheckResult>) () -> Exercises10.int16Overflow(0)),
                Arguments.of((Supplier<CheckResult>) () -> Exercises14.fc1BytesAt3Bits(ArticleCnn.builder().build(), 0)));
    }

    @ParameterizedTest
    @MethodSource("wrongNumbers")
    void eachNumericCheckGivesTwoLevelsOfHintsThenCoolsDown(Supplier<CheckResult> wrong) {
        CheckResult first = wrong.get();
        CheckResult second = wrong.get();
        CheckResult third = wrong.get();
        assertTrue(first.message().contains("Hint: "), first.message());
        assertTrue(second.message().contains("Hint: "), second.message());
        assertFalse(first.message().equals(second.message()), "the second wrong answer gets the second hint");
        assertTrue(third.message().startsWith("not judged"), third.message());
    }

    @ParameterizedTest
    @MethodSource("questions")
    void eachQuestionAcceptsItsAnswerAndRejectsEveryOtherLetter(Supplier<ChoiceQuestion> question, char right) {
        assertTrue(question.get().check(right).passed());
        for (char wrong = 'A'; wrong <= 'D'; wrong++) {
            char letter = wrong;
            if (letter != right) {
                assertFalse(Judging.passesFirstTime(() -> question.get().check(letter)), letter + " is wrong");
            }
        }
    }
}
