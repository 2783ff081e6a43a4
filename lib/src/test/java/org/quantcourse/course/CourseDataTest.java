package org.quantcourse.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quantcourse.data.DatasetSplit;

class CourseDataTest {

    @BeforeEach
    void ignoreTheEnvironment() {
        CourseSettings.environment = name -> null;
    }

    @AfterEach
    void clearKnobs() {
        CourseSettings.environment = System::getenv;
        System.clearProperty("course.trainLimit");
        System.clearProperty("course.testLimit");
    }

    @Test
    void theDefaultIsTheWholeOfflineSample() {
        DatasetSplit data = CourseData.load();
        assertEquals(8000, data.train().size());
        assertEquals(2000, data.test().size());
    }

    @Test
    void limitsShrinkBothPartsAndChangeTheFingerprint() {
        String full = CourseData.load().train().fingerprint();
        System.setProperty("course.trainLimit", "1000");
        System.setProperty("course.testLimit", "300");
        DatasetSplit data = CourseData.load();
        assertEquals(1000, data.train().size());
        assertEquals(300, data.test().size());
        assertNotEquals(full, data.train().fingerprint());
        assertEquals(data.train().fingerprint(), CourseData.load().train().fingerprint());
    }
}
