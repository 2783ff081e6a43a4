package org.quantcourse.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Python protocol suites (jupyter_kernel_test conformance, interrupt/restart, bad signatures, robustness)
 * against the shaded jar through /usr/bin/python3 and jupyter_client; each suite must exit 0.
 */
class KernelProtocolIT {

    private static final String PYTHON = "/usr/bin/python3";
    private static final long SUITE_TIMEOUT_MINUTES = 5;

    @BeforeAll
    static void pythonHasTheJupyterTestKit() throws Exception {
        assertTrue(new File(PYTHON).canExecute(), PYTHON + " is missing: apt-get install python3");
        Process probe = new ProcessBuilder(PYTHON, "-c", "import jupyter_kernel_test, jupyter_client")
                .redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, probe.waitFor(), "jupyter_kernel_test is not importable by " + PYTHON
                + "; install it with: apt-get install python3-jupyter-kernel-test\n" + out);
        assertTrue(Files.isRegularFile(kernelJar()), "the shaded kernel jar is missing: " + kernelJar());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"test_conformance", "test_interrupt", "test_security", "test_requests", "test_errors", "test_robustness"})
    void pythonSuitePasses(String module) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(PYTHON, "-m", "unittest", "-v", module)
                .directory(pythonDir().toFile()).redirectErrorStream(true);
        builder.environment().put("KERNEL_JAR", kernelJar().toString());
        builder.environment().put("KERNEL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = builder.start();
        String output = readAll(process);
        boolean finished = process.waitFor(SUITE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        System.out.println("==== " + module + " ====\n" + output);
        assertTrue(finished, module + " did not finish within " + SUITE_TIMEOUT_MINUTES + " minutes");
        assertEquals(0, process.exitValue(), module + " failed:\n" + output);
    }

    private static String readAll(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Path kernelJar() {
        return Path.of(System.getProperty("kernel.jar", "target/quantcourse-kernel.jar")).toAbsolutePath();
    }

    private static Path pythonDir() {
        return Path.of(System.getProperty("kernel.python.tests", "src/test/python")).toAbsolutePath();
    }
}
