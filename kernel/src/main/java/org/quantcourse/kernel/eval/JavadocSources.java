package org.quantcourse.kernel.eval;

import jdk.jshell.SourceCodeAnalysis;
import org.quantcourse.kernel.io.KernelLog;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where JShell looks for Javadoc: it only reads the JDK's {@code src.zip}; this adds the sources of the classpath,
 * i.e. {@code name-sources.jar} next to {@code name.jar} and {@code src/main/java} next to a Maven
 * {@code target/classes}. Needs JShell's internals open to the kernel (as {@link CompiledClassStore}); without them
 * inspection shows signatures and JDK Javadoc only.
 */
final class JavadocSources {

    private JavadocSources() {
    }

    /** Makes the analysis read Javadoc from the JDK sources and the sources found for the classpath entries. */
    static void use(SourceCodeAnalysis analysis, Collection<String> classpath) {
        try {
            Method jdkSources = analysis.getClass().getDeclaredMethod("findSources");
            jdkSources.setAccessible(true);
            Field cache = analysis.getClass().getDeclaredField("availableSources");
            cache.setAccessible(true);
            cache.set(analysis, null);
            List<Path> sources = new ArrayList<>(castPaths(jdkSources.invoke(analysis)));
            classpath.stream().map(JavadocSources::sourcesOf).filter(p -> p != null && !sources.contains(p))
                    .forEach(sources::add);
            cache.set(analysis, sources);
        } catch (ReflectiveOperationException | RuntimeException e) {
            KernelLog.debug("Javadoc only from the JDK sources: " + e);
        }
    }

    /** The sources jar or directory of a classpath entry, or null. */
    static Path sourcesOf(String entry) {
        Path path = Path.of(entry);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        Path candidate = null;
        if (name.endsWith(".jar")) {
            candidate = path.resolveSibling(name.substring(0, name.length() - 4) + "-sources.jar");
        } else if (name.equals("classes") && path.getParent() != null && path.getParent().getParent() != null) {
            candidate = path.getParent().getParent().resolve("src/main/java");
        }
        return candidate != null && Files.exists(candidate) ? candidate : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Path> castPaths(Object value) {
        return value instanceof List<?> list ? (List<Path>) list : List.of();
    }
}
