package org.quantcourse.kernel.install;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSpecInstallerTest {

    @TempDir
    Path prefix;

    @Test
    void installWritesKernelJsonAndCopiesTheJarUnderThePrefix() throws IOException {
        Path jar = Files.writeString(prefix.resolve("built.jar"), "jar bytes");
        InstallOptions options = InstallOptions.parse(List.of("--prefix", prefix.toString(), "--jvm-opt=-Xmx4g",
                "--classpath", "/opt/libs/*.jar", "--timeout", "5000"));
        Path spec = KernelSpecInstaller.install(options, jar);
        assertEquals(prefix.resolve("share/jupyter/kernels/java"), spec);
        assertEquals("jar bytes", Files.readString(spec.resolve(KernelSpecInstaller.JAR_NAME)));
        JsonObject json = JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
        List<String> argv = json.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals(List.of("-Xmx4g", "-jar", spec.resolve(KernelSpecInstaller.JAR_NAME).toString(), "kernel",
                "{connection_file}"), argv.subList(1, argv.size()));
        assertEquals("java", json.get("language").getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertEquals("/opt/libs/*.jar", json.getAsJsonObject("env").get("IJAVA_CLASSPATH").getAsString());
        assertEquals("5000", json.getAsJsonObject("env").get("IJAVA_TIMEOUT").getAsString());
    }

    @Test
    void uninstallRemovesOnlyAKernelspec() throws IOException {
        Path jar = Files.writeString(prefix.resolve("built.jar"), "jar bytes");
        InstallOptions options = InstallOptions.parse(List.of("--prefix", prefix.toString()));
        Path spec = KernelSpecInstaller.install(options, jar);
        assertTrue(KernelSpecInstaller.uninstall(options));
        assertFalse(Files.exists(spec));
        assertFalse(KernelSpecInstaller.uninstall(options));
    }

    @Test
    void twoLocationsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> InstallOptions.parse(List.of("--user", "--prefix", "/tmp/x")));
        assertTrue(error.getMessage().contains("Choose one of"));
    }

    @Test
    void unknownOptionListsTheValidOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> InstallOptions.parse(List.of("--bogus")));
        assertTrue(error.getMessage().contains("--sys-prefix"));
    }

    @Test
    void installingFromAClassesDirectoryIsRefused() {
        InstallOptions options = InstallOptions.parse(List.of("--prefix", prefix.toString()));
        assertThrows(IllegalArgumentException.class, () -> KernelSpecInstaller.install(options, prefix));
    }
}
