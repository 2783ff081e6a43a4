package org.quantcourse.kernel;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fat jar carries its dependencies only under org.quantcourse.kernel.shaded, so user code brings its own. */
class ShadedJarIT {

    @Test
    void everyClassLivesUnderTheKernelPackage() throws Exception {
        try (JarFile jar = new JarFile(kernelJar().toFile())) {
            List<String> foreign = jar.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.startsWith("org/quantcourse/kernel/")).toList();
            assertEquals(List.of(), foreign);
            assertTrue(jar.getEntry("org/quantcourse/kernel/shaded/google/gson/Gson.class") != null);
            assertEquals("org.quantcourse.kernel.KernelMain", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    private static Path kernelJar() {
        return Path.of(System.getProperty("kernel.jar", "target/quantcourse-kernel.jar")).toAbsolutePath();
    }
}
