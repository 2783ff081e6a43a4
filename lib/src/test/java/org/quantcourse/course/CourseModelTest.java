package org.quantcourse.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseModelTest {

    @TempDir
    Path dir;

    @BeforeEach
    void ignoreTheEnvironment() {
        CourseSettings.environment = name -> null;
    }

    @AfterEach
    void restoreTheEnvironment() {
        CourseSettings.environment = System::getenv;
    }

    @Test
    void projectRootIsTheDirectoryWithPomAndNotebooks() throws IOException {
        Path root = Files.createDirectories(dir.resolve("course"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("notebooks"));
        Path module = Files.createDirectories(root.resolve("lib"));
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        assertEquals(root, ProjectPaths.rootFrom(Files.createDirectories(root.resolve("notebooks/sub"))));
        assertEquals(root, ProjectPaths.rootFrom(module));
    }

    @Test
    void directoryPropertyOverridesTheDefault() {
        System.setProperty(CourseModel.MODEL_DIRECTORY_PROPERTY, dir.toString());
        try {
            assertEquals(dir.toAbsolutePath().normalize(), CourseModel.cache().directory());
        } finally {
            System.clearProperty(CourseModel.MODEL_DIRECTORY_PROPERTY);
        }
        assertTrue(CourseModel.cache().directory().endsWith(Path.of("build", "models")));
    }

    @Test
    void retrainPropertyForcesTrainingInTheCoursesCache() {
        System.setProperty(CourseModel.RETRAIN_PROPERTY, "true");
        try {
            assertTrue(CourseModel.cache().forcesRetraining());
        } finally {
            System.clearProperty(CourseModel.RETRAIN_PROPERTY);
        }
        assertFalse(CourseModel.cache().forcesRetraining());
    }

    @Test
    void theCoursesCacheSaysWhetherTheWorkingDirectoryIsInsideTheProject() throws IOException {
        String inside = CourseModel.cache().whereLooked();
        String workingDirectory = System.getProperty("user.dir");
        Path copiedAway = Files.createDirectories(dir.resolve("copied/notebooks"));
        System.setProperty("user.dir", copiedAway.toString());
        try {
            String outside = CourseModel.cache().whereLooked();
            assertTrue(outside.contains(copiedAway.resolve("build/models").toString()), outside);
            assertTrue(outside.contains("not inside the course project"), outside);
        } finally {
            System.setProperty("user.dir", workingDirectory);
        }
        assertTrue(inside.contains("found above the working directory"), inside);
        assertTrue(inside.contains("COURSE_MODEL_DIR"), inside);
    }

    @Test
    void aConfiguredDirectoryIsNamedAsConfigured() {
        System.setProperty(CourseModel.MODEL_DIRECTORY_PROPERTY, dir.toString());
        try {
            String where = CourseModel.cache().whereLooked();
            assertTrue(where.contains("set by " + CourseModel.MODEL_DIRECTORY_PROPERTY), where);
        } finally {
            System.clearProperty(CourseModel.MODEL_DIRECTORY_PROPERTY);
        }
    }
}
