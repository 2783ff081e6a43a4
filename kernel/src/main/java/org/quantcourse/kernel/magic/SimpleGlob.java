package org.quantcourse.kernel.magic;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * IJava's simple globs over local paths: {@code *} and {@code ?} within one path segment, {@code **} across
 * segments, {@code /} as separator on every OS, and a trailing {@code /} meaning every file in that directory.
 * Relative paths resolve against the working directory.
 */
public final class SimpleGlob {

    private SimpleGlob() {
    }

    /** The existing paths the glob matches, sorted; a path without wildcards matches itself if it exists. */
    public static List<Path> resolve(String glob, Path workingDirectory) throws IOException {
        String pattern = glob.replace('\\', '/');
        if (pattern.endsWith("/")) {
            pattern = pattern + "*";
        }
        if (pattern.startsWith("~/")) {
            pattern = System.getProperty("user.home").replace('\\', '/') + pattern.substring(1);
        }
        int wildcard = firstWildcard(pattern);
        if (wildcard < 0) {
            Path single = workingDirectory.resolve(pattern).normalize();
            return Files.exists(single) ? List.of(single) : List.of();
        }
        int baseEnd = pattern.lastIndexOf('/', wildcard);
        Path base = workingDirectory.resolve(baseEnd < 0 ? "." : pattern.substring(0, Math.max(baseEnd, 1))).normalize();
        String relative = pattern.substring(baseEnd + 1);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relative);
        int depth = relative.contains("**") ? Integer.MAX_VALUE : relative.split("/").length;
        List<Path> matches = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base, depth)) {
            walk.filter(p -> !p.equals(base) && matcher.matches(base.relativize(p))).sorted().forEach(matches::add);
        }
        return matches;
    }

    private static int firstWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}
