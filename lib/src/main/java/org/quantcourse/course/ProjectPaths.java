package org.quantcourse.course;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the course's folders are: the project root and the build outputs under it. Used in every notebook. */
public final class ProjectPaths {

    /** System property that names the project root explicitly (otherwise found by walking up from the working directory). */
    public static final String ROOT_PROPERTY = "course.root";

    private ProjectPaths() {
    }

    /** The project root: the nearest folder at or above the working directory with both pom.xml and notebooks/. */
    public static Path root() {
        String explicit = CourseSettings.setting(ROOT_PROPERTY, null);
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("notebooks"))) {
                return dir;
            }
        }
        return start;
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
