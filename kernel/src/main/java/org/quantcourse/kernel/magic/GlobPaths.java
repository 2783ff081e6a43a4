package org.quantcourse.kernel.magic;

import org.dflib.jjava.jupyter.kernel.util.PathsHandler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * IJava's globs, resolved by jjava's glob resolver ({@code *} and {@code ?} within one path segment, {@code /} as
 * separator on every OS), plus what jjava 1.0-a6 dropped from IJava: a trailing {@code /} means every file in that
 * directory, relative globs start at the notebook's working directory, and matches come sorted.
 */
public final class GlobPaths {

    private GlobPaths() {
    }

    /** The existing paths the glob matches, sorted; a path without wildcards matches itself if it exists. */
    public static List<Path> matching(String glob, Path workingDirectory) {
        String pattern = glob.replace('\\', '/');
        pattern = pattern.endsWith("/") ? pattern + "*" : pattern;
        Path prefix = Path.of(literalPrefix(pattern));
        if (!Files.exists(workingDirectory.resolve(prefix))) {
            return List.of();
        }
        String rooted = prefix.isAbsolute() ? pattern
                : workingDirectory.toAbsolutePath().toString().replace('\\', '/') + "/" + pattern;
        return PathsHandler.resolveGlobs(rooted).stream().map(Path::normalize).sorted().toList();
    }

    /** The directories before the first wildcard (jjava's resolver fails rather than match nothing when absent). */
    private static String literalPrefix(String pattern) {
        int wildcard = pattern.replace('?', '*').indexOf('*');
        if (wildcard < 0) {
            return pattern;
        }
        int slash = pattern.lastIndexOf('/', wildcard);
        return slash < 0 ? "." : pattern.substring(0, Math.max(slash, 1));
    }
}
