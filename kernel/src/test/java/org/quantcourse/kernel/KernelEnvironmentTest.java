package org.quantcourse.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KernelEnvironmentTest {

    @ParameterizedTest
    @CsvSource({"-1, 0", "0, 0", "2500, 2500", "'30 SECONDS', 30000", "'2 minutes', 120000"})
    void timeoutAcceptsMillisOrTimeUnits(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), KernelEnvironment.parseTimeout(text));
    }

    @Test
    void badTimeoutSaysWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelEnvironment.parseTimeout("soon"));
        assertEquals(true, e.getMessage().contains("30 SECONDS"));
    }

    @Test
    void classpathGlobsAndCompilerOptionsAreRead(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/a.jar"), "");
        Files.writeString(dir.resolve("lib/b.jar"), "");
        Files.writeString(dir.resolve("lib/notes.txt"), "");
        KernelEnvironment env = KernelEnvironment.from(Map.of("IJAVA_CLASSPATH", "lib/*.jar",
                "IJAVA_COMPILER_OPTS", "-parameters  -Xlint:none"), dir);
        assertEquals(List.of(dir.resolve("lib/a.jar").toString(), dir.resolve("lib/b.jar").toString()), env.classpath());
        assertEquals(List.of("-parameters", "-Xlint:none"), env.compilerOptions());
        assertEquals(Duration.ZERO, env.timeout());
    }
}
