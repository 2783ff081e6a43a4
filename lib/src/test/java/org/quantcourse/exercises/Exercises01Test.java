package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.quantcourse.course.CourseData;
import org.quantcourse.data.ImageDataset;

class Exercises01Test {

    @Test
    void handComputedAnswersPass() {
        assertTrue(Exercises01.flattenedSizeFor32(64 * 7 * 7).passed());
        assertTrue(Exercises01.survivingWeightAt8Bits(0.499).passed(), Exercises01.survivingWeightAt8Bits(0.499).toString());
        ImageDataset test = CourseData.load().test();
        assertTrue(Exercises01.alwaysOneAccuracy((double) test.classCounts()[1] / test.size()).passed());
    }

    @Test
    void commonMistakesFail() {
        assertFalse(Exercises01.flattenedSizeFor32(64 * 8 * 8).passed(), "forgetting the convolutions shrink the image");
        assertFalse(Exercises01.survivingWeightAt8Bits(0.5).passed(), "0.499 survives too");
        assertFalse(Exercises01.survivingWeightAt8Bits(0.498).passed(), "0.498 rounds to 0");
        assertFalse(Exercises01.alwaysOneAccuracy(0.1).passed());
    }
}
