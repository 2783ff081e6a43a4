package org.quantcourse.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CourseSettingsTest {

    @BeforeEach
    void ignoreTheEnvironment() {
        CourseSettings.environment = name -> null;
    }

    @AfterEach
    void clearProperties() {
        CourseSettings.environment = System::getenv;
        System.clearProperty("course.epochs");
        System.clearProperty("course.trainLimit");
        System.clearProperty("course.seed");
    }

    @Test
    void propertyNamesMapToUpperSnakeCaseEnvironmentVariables() {
        assertEquals("COURSE_TRAIN_LIMIT", CourseSettings.environmentName("course.trainLimit"));
        assertEquals("COURSE_EPOCHS", CourseSettings.environmentName("course.epochs"));
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        assertEquals(10, CourseSettings.epochs(10));
        assertEquals(0, CourseSettings.trainLimit(0));
    }

    @Test
    void environmentVariablesSetKnobsWhenNoPropertyIs() {
        CourseSettings.environment = name -> name.equals("COURSE_EPOCHS") ? "4" : null;
        assertEquals(4, CourseSettings.epochs(10));
        System.setProperty("course.epochs", "2");
        assertEquals(2, CourseSettings.epochs(10), "a system property wins over the environment");
    }

    @Test
    void systemPropertyOverridesTheDefault() {
        System.setProperty("course.epochs", "2");
        System.setProperty("course.trainLimit", "500");
        assertEquals(2, CourseSettings.epochs(10));
        assertEquals(500, CourseSettings.trainLimit(0));
    }

    @Test
    void malformedKnobsAreRejectedWithTheirName() {
        System.setProperty("course.epochs", "ten");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CourseSettings.epochs(10));
        assertTrue(e.getMessage().contains("course.epochs") && e.getMessage().contains("ten"), e.getMessage());
        System.setProperty("course.epochs", "0");
        assertThrows(IllegalArgumentException.class, () -> CourseSettings.epochs(10));
        System.setProperty("course.trainLimit", "-3");
        assertThrows(IllegalArgumentException.class, () -> CourseSettings.trainLimit(0));
        System.setProperty("course.seed", "x");
        assertThrows(IllegalArgumentException.class, CourseSettings::seed);
    }
}
