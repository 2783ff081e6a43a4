package org.quantcourse.course;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the course's folders are: the project root and the build outputs under it. Used in every notebook. */
public final class ProjectPaths {

    /** System property that names the project root explicitly (otherwise found by walking up from the working directory). */
    public static final String ROOT_PROPERTY = "course.root";

    private ProjectPaths() {
    }

    /** The project root: course.root if set, else {@link #rootFrom} the working directory. */
    public static Path root() {
        String explicit = CourseSettings.setting(ROOT_PROPERTY, null);
        return explicit != null ? Path.of(explicit).toAbsolutePath().normalize()
                : rootFrom(Path.of(System.getProperty("user.dir")));
    }

    /**
     * The nearest folder at or above {@code start} with both pom.xml and notebooks/; failing that the topmost folder
     * with a pom.xml (a module run on its own), failing that {@code start} itself.
     */
    public static Path rootFrom(Path start) {
        Path topPom = null;
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            boolean hasPom = Files.isRegularFile(dir.resolve("pom.xml"));
            if (hasPom && Files.isDirectory(dir.resolve("notebooks"))) {
                return dir;
            }
            topPom = hasPom ? dir : topPom;
        }
        return topPom != null ? topPom : start.toAbsolutePath().normalize();
    }

    /** How {@link #root()} was found, for messages: "given by course.root", "found above …" or why it is the working directory. */
    public static String rootOrigin() {
        if (CourseSettings.setting(ROOT_PROPERTY, null) != null) {
            return "the project root given by " + ROOT_PROPERTY + " (COURSE_ROOT)";
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        Path root = rootFrom(start);
        return isProject(root) ? "the project " + root + ", found above the working directory " + start
                : "the working directory " + start + ", which is not inside the course project (no folder above it"
                        + " holds pom.xml and notebooks/)";
    }

    private static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("notebooks"));
    }

    /** The build folder under the project root, where results, models and executed notebooks go. */
    public static Path build() {
        return root().resolve("build");
    }

    /** The folder for result CSV files (build/results, or the property course.resultsDir). */
    public static Path results() {
        String explicit = CourseSettings.setting("course.resultsDir", null);
        return explicit != null ? Path.of(explicit) : build().resolve("results");
    }
}
