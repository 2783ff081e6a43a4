package org.quantcourse.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FP16 against Java's own conversion, {@code Float.floatToFloat16} and {@code Float.float16ToFloat}, which exist
 * from JDK 20: found reflectively, skipped on older JDKs (where the PyTorch goldens of {@link FloatFormatTest}
 * still cover FP16). Run on a newer JDK: {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn ...}.
 */
class JdkFloat16Test {
    private static MethodHandle toFloat16;
    private static MethodHandle fromFloat16;

    @BeforeAll
    static void findJdkConversion() throws IllegalAccessException {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            toFloat16 = lookup.findStatic(Float.class, "floatToFloat16", MethodType.methodType(short.class, float.class));
            fromFloat16 = lookup.findStatic(Float.class, "float16ToFloat", MethodType.methodType(float.class, short.class));
        } catch (NoSuchMethodException e) {
            toFloat16 = null;
        }
    }

    @Test
    void everyFp16CodeDecodesLikeTheJdk() throws Throwable {
        assumeTrue(toFloat16 != null, "Float.float16ToFloat needs JDK 20+, this is " + Runtime.version());
        for (int code = 0; code < 1 << 16; code++) {
            float jdk = (float) fromFloat16.invokeExact((short) code);
            float ours = FloatFormat.FP16.decode(code);
            if (Float.isNaN(jdk)) {
                assertTrue(Float.isNaN(ours), "code " + Integer.toHexString(code));
            } else {
                assertEquals(Float.floatToRawIntBits(jdk), Float.floatToRawIntBits(ours), "code " + code);
            }
        }
    }

    @Test
    void castsEveryTieAndMillionsOfRandomFloatsLikeTheJdk() throws Throwable {
        assumeTrue(toFloat16 != null, "Float.floatToFloat16 needs JDK 20+, this is " + Runtime.version());
        for (float x : Goldens.tieInputs(FloatFormat.FP16)) {
            assertSameCast(x);
        }
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 4_000_000; i++) {
            assertSameCast(Float.intBitsToFloat(random.nextInt()));
        }
    }

    private static void assertSameCast(float x) throws Throwable {
        int jdk = ((short) toFloat16.invokeExact(x)) & 0xFFFF;
        int ours = FloatFormat.FP16.encode(x);
        if (FloatFormat.FP16.isNaN(jdk)) {
            assertTrue(FloatFormat.FP16.isNaN(ours), "NaN " + x);
        } else {
            assertEquals(jdk, ours, () -> "cast of " + x + " (bits " + Integer.toHexString(Float.floatToRawIntBits(x)) + ")");
        }
    }
}
