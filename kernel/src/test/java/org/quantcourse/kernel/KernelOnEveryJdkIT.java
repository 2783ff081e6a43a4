package org.quantcourse.kernel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the engine suite (test_engine: interrupt leaves the CPU idle, ...) with the kernel started by each JDK on the
 * machine: the one running the build, and every JDK under {@link #OTHER_JDKS} that exists (JDK 25 here; no JDK 21 is
 * installed on the build machines). On the extra JDKs the interrupt suite runs too.
 */
class KernelOnEveryJdkIT {

    /** JDKs the kernel is also tested on when they are installed (Thread.stop throws from JDK 20 on). */
    static final List<String> OTHER_JDKS = List.of("/usr/lib/jvm/temurin-25-jdk-amd64", "/usr/lib/jvm/java-21-openjdk-amd64");
    private static final long SUITE_TIMEOUT_MINUTES = 5;

    static Stream<Arguments> suitesPerJdk() {
        List<Arguments> runs = new ArrayList<>();
        runs.add(Arguments.of(Path.of(System.getProperty("java.home")).toString(), "test_engine"));
        for (String jdk : OTHER_JDKS) {
            if (Files.isExecutable(Path.of(jdk, "bin", "java"))) {
                runs.add(Arguments.of(jdk, "test_engine"));
                runs.add(Arguments.of(jdk, "test_interrupt"));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("suitesPerJdk")
    void pythonSuitePassesOnThisJdk(String jdk, String module) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "-m", "unittest", "-v", module)
                .directory(pythonDir().toFile()).redirectErrorStream(true);
        builder.environment().put("KERNEL_JAR", kernelJar().toString());
        builder.environment().put("KERNEL_JAVA", Path.of(jdk, "bin", "java").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(SUITE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        System.out.println("==== " + module + " on " + jdk + " ====\n" + output);
        assertTrue(finished, module + " did not finish within " + SUITE_TIMEOUT_MINUTES + " minutes");
        assertEquals(0, process.exitValue(), module + " failed on " + jdk + ":\n" + output);
    }

    private static Path kernelJar() {
        return Path.of(System.getProperty("kernel.jar", "target/quantcourse-kernel.jar")).toAbsolutePath();
    }

    private static Path pythonDir() {
        return Path.of(System.getProperty("kernel.python.tests", "src/test/python")).toAbsolutePath();
    }
}
