package org.quantcourse.kernel.guard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExitCallRewriterTest {

    /** Code a student might write; every method would end the JVM if it were not rewritten. */
    public static final class Exiting {
        public static void systemExit() {
            System.exit(3);
        }

        public static void runtimeExit() {
            Runtime.getRuntime().exit(4);
        }

        public static void runtimeHalt() {
            Runtime.getRuntime().halt(5);
        }

        public static void methodReference() {
            IntConsumer exit = System::exit;
            exit.accept(6);
        }

        public static void boundMethodReference() {
            IntConsumer exit = Runtime.getRuntime()::exit;
            exit.accept(7);
        }
    }

    /** Code that mentions no exit at all. */
    public static final class Harmless {
        public static int answer() {
            return 42;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"systemExit", "runtimeExit", "runtimeHalt", "methodReference", "boundMethodReference"})
    void everyWayToExitIsRefusedWithAnExplanation(String method) throws Exception {
        Class<?> rewritten = defineRewritten(Exiting.class);
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> rewritten.getMethod(method).invoke(null));
        SystemExitRefusedException refusal = assertInstanceOf(SystemExitRefusedException.class, thrown.getCause());
        assertTrue(refusal.getMessage().contains("lose every variable"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("Restart"), refusal.getMessage());
    }

    @Test
    void theRefusalNamesTheCallAndItsStatus() throws Exception {
        Class<?> rewritten = defineRewritten(Exiting.class);
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> rewritten.getMethod("runtimeHalt").invoke(null));
        assertTrue(thrown.getCause().getMessage().startsWith("Runtime.halt(5) was not run"), thrown.getCause().getMessage());
    }

    @Test
    void aClassWithoutExitCallsIsLeftUntouched() throws IOException {
        assertNull(ExitCallRewriter.rewrite(bytesOf(Harmless.class)));
    }

    @Test
    void classesOfTheKernelItselfAreNotRewritten() throws IOException {
        byte[] kernelClass = bytesOf(Exiting.class);
        assertNull(ExitCallRewriter.forKernel().transform(getClass().getClassLoader(),
                "org/quantcourse/kernel/KernelMain", null, null, kernelClass));
        assertNotNull(ExitCallRewriter.forKernel().transform(getClass().getClassLoader(),
                "student/Exiting", null, null, kernelClass));
    }

    @Test
    void classesOfLoadersThatCannotSeeTheKernelAreNotRewritten() throws IOException {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        assertNull(ExitCallRewriter.forKernel().transform(platform, "student/Exiting", null, null,
                bytesOf(Exiting.class)));
    }

    private static Class<?> defineRewritten(Class<?> type) throws IOException {
        byte[] rewritten = ExitCallRewriter.rewrite(bytesOf(type));
        assertNotNull(rewritten, "the class calls exit, so it must be rewritten");
        Class<?> defined = new ClassLoader(ExitCallRewriterTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(type.getName(), rewritten, 0, rewritten.length);
            }
        }.define();
        assertEquals(type.getName(), defined.getName());
        return defined;
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
