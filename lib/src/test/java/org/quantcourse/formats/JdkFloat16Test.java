package org.quantcourse.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * FP16 against Java's own conversion, {@code Float.floatToFloat16} and {@code Float.float16ToFloat} through
 * {@link JdkFloat16}: the comparisons need JDK 20+ and are skipped on older JDKs (where the PyTorch goldens of
 * {@link FloatFormatTest} still cover FP16), and there the calls must explain themselves. Run on a newer JDK:
 * {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn ...}.
 */
class JdkFloat16Test {
    private static final int FIRST_JDK_WITH_FLOAT16 = 20;

    @Test
    void isAvailableExactlyFromJdk20() {
        assertEquals(Runtime.version().feature() >= FIRST_JDK_WITH_FLOAT16, JdkFloat16.isAvailable());
    }

    @Test
    void beforeJdk20TheCallsSayWhatIsMissingAndWhatToDo() {
        assumeFalse(JdkFloat16.isAvailable(), "this JDK has Float.floatToFloat16");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> JdkFloat16.floatToFloat16(1f));
        assertTrue(e.getMessage().contains("JDK 20") && e.getMessage().contains("FloatFormat.FP16"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> JdkFloat16.float16ToFloat(0x3C00));
    }

    @Test
    void codesOutsideSixteenBitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> JdkFloat16.float16ToFloat(70000));
    }

    @Test
    void everyFp16CodeDecodesLikeTheJdk() {
        assumeTrue(JdkFloat16.isAvailable(), "Float.float16ToFloat needs JDK 20+, this is " + Runtime.version());
        for (int code = 0; code < 1 << 16; code++) {
            float jdk = JdkFloat16.float16ToFloat(code);
            float ours = FloatFormat.FP16.decode(code);
            if (Float.isNaN(jdk)) {
                assertTrue(Float.isNaN(ours), "code " + Integer.toHexString(code));
            } else {
                assertEquals(Float.floatToRawIntBits(jdk), Float.floatToRawIntBits(ours), "code " + code);
            }
        }
    }

    @Test
    void castsEveryTieAndMillionsOfRandomFloatsLikeTheJdk() {
        assumeTrue(JdkFloat16.isAvailable(), "Float.floatToFloat16 needs JDK 20+, this is " + Runtime.version());
        for (float x : Goldens.tieInputs(FloatFormat.FP16)) {
            assertSameCast(x);
        }
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 4_000_000; i++) {
            assertSameCast(Float.intBitsToFloat(random.nextInt()));
        }
    }

    private static void assertSameCast(float x) {
        int jdk = JdkFloat16.floatToFloat16(x);
        int ours = FloatFormat.FP16.encode(x);
        if (FloatFormat.FP16.isNaN(jdk)) {
            assertTrue(FloatFormat.FP16.isNaN(ours), "NaN " + x);
        } else {
            assertEquals(jdk, ours, () -> "cast of " + x + " (bits " + Integer.toHexString(Float.floatToRawIntBits(x)) + ")");
        }
    }
}
