package org.quantcourse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the Python tests of {@code tools/bench_table.py} (bench/src/test/python/test_bench_table.py). */
class BenchTableToolTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theReadmeTableToolPassesItsFixtureTests() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(PYTHON), PYTHON + " is needed for tools/bench_table.py");
        Process process = new ProcessBuilder(PYTHON.toString(), "-m", "unittest", "-v",
                "bench/src/test/python/test_bench_table.py").directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the Python tests did not finish in 60 s");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("OK"), output);
    }
}
