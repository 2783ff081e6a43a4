package org.quantcourse.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @Test
    void writesTheWholeContentReadableByEveryone(@TempDir Path dir) throws IOException {
        Path target = AtomicFile.write(dir.resolve("sub/model.bin"), tmp -> Files.writeString(tmp, "weights"));
        assertEquals("weights", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("results.csv");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFile.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the old file is left");
        }
    }
}
