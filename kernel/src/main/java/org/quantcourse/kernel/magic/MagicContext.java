package org.quantcourse.kernel.magic;

import org.quantcourse.kernel.maven.MavenResolver;

import java.nio.file.Path;
import java.util.List;

/** What magics may do to the session: extend its classpath, resolve Maven artifacts, and know where they run. */
public interface MagicContext {

    /** Adds jars or directories to the notebook classpath (compiler and class loader). */
    void addToClasspath(List<Path> entries) throws Exception;

    /** The Maven resolver of the session (its repositories persist across cells). */
    MavenResolver maven();

    /** The directory relative paths are resolved against. */
    Path workingDirectory();
}
