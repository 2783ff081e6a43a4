package org.quantcourse.kernel.magic;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** IJava's glob dialect for %jars, %classpath and %load, as resolved through jjava. */
class GlobPathsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void someJars() throws IOException {
        Files.createDirectories(dir.resolve("lib/nested"));
        for (String file : List.of("lib/b.jar", "lib/a.jar", "lib/notes.txt", "lib/nested/c.jar")) {
            Files.writeString(dir.resolve(file), "");
        }
    }

    @Test
    void starMatchesWithinOneSegmentSortedAndRelativeToTheWorkingDirectory() {
        assertEquals(List.of(dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar")), GlobPaths.matching("lib/*.jar", dir));
        assertEquals(List.of(dir.resolve("lib/nested/c.jar")), GlobPaths.matching("lib/*/c.ja?", dir));
    }

    @Test
    void trailingSlashMeansEveryEntryOfTheDirectory() {
        assertEquals(List.of(dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar"), dir.resolve("lib/nested"),
                dir.resolve("lib/notes.txt")), GlobPaths.matching("lib/", dir));
    }

    @Test
    void literalAndAbsolutePathsMatchThemselves() {
        assertEquals(List.of(dir.resolve("lib/a.jar")), GlobPaths.matching("lib/a.jar", dir));
        assertEquals(List.of(dir.resolve("lib/a.jar")), GlobPaths.matching(dir + "/lib/a*.jar", Path.of("/")));
    }

    @Test
    void missingDirectoriesMatchNothing() {
        assertEquals(List.of(), GlobPaths.matching("nowhere/*.jar", dir));
        assertEquals(List.of(), GlobPaths.matching("lib/absent.jar", dir));
    }
}
