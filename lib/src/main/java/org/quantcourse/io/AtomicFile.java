package org.quantcourse.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file all at once: into a temporary file beside it, then one rename over the target, so a reader never
 * sees half a file and a failed write leaves the old file as it was. The result is readable by everyone (rw-r--r--
 * where the file system has POSIX permissions), like any file a program writes. Used for models, results and caches.
 */
public final class AtomicFile {

    /** What to write into the temporary file. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content into {@code file}. */
        void writeTo(Path file) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code target} (creating its folder) from {@code content}; returns the target. */
    public static Path write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            content.writeTo(tmp);
            readableByAll(tmp);
            return moveOver(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path moveOver(Path tmp, Path target) throws IOException {
        try {
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows and other non-POSIX file systems keep their default permissions.
        }
    }
}
