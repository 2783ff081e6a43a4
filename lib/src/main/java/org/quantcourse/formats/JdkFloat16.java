package org.quantcourse.formats;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Java's own FP16 conversion, {@code Float.floatToFloat16} and {@code Float.float16ToFloat} (JDK 20+), found at run
 * time so that the course also runs on JDK 17, where {@link #isAvailable()} is false and the calls explain why they
 * cannot run. Used in notebook 07 to check a from-scratch cast against the JDK.
 */
public final class JdkFloat16 {
    private static final MethodHandle TO_FLOAT16 = find("floatToFloat16", MethodType.methodType(short.class, float.class));
    private static final MethodHandle TO_FLOAT = find("float16ToFloat", MethodType.methodType(float.class, short.class));

    private JdkFloat16() {}

    /** True when this JDK (20 or newer) has {@code Float.floatToFloat16}. */
    public static boolean isAvailable() {
        return TO_FLOAT16 != null && TO_FLOAT != null;
    }

    /** {@code Float.floatToFloat16(x)} as an unsigned 16-bit code {@code 0..65535}; fails before JDK 20. */
    public static int floatToFloat16(float x) {
        try {
            return ((short) available(TO_FLOAT16).invokeExact(x)) & 0xFFFF;
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    /** {@code Float.float16ToFloat(code)} for an unsigned 16-bit code; fails before JDK 20. */
    public static float float16ToFloat(int code) {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("an FP16 code is 0..65535 (the bit pattern as an unsigned number), got "
                    + code);
        }
        try {
            return (float) available(TO_FLOAT).invokeExact((short) code);
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    private static MethodHandle available(MethodHandle handle) {
        if (handle == null) {
            throw new UnsupportedOperationException("Float.floatToFloat16 and Float.float16ToFloat exist from JDK 20;"
                    + " this is Java " + Runtime.version() + ". Check against FloatFormat.FP16 instead, or run the"
                    + " kernel on a newer JDK");
        }
        return handle;
    }

    private static RuntimeException rethrown(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e);
    }

    private static MethodHandle find(String name, MethodType type) {
        try {
            return MethodHandles.publicLookup().findStatic(Float.class, name, type);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
