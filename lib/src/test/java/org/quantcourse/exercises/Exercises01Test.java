package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.quantcourse.course.CourseData;
import org.quantcourse.data.ImageDataset;

class Exercises01Test implements FreshAttemptsEachTest {

    @Test
    void handComputedAnswersPass() {
        assertTrue(Exercises01.flattenedSizeFor32(64 * 7 * 7).passed());
        assertTrue(Exercises01.survivingWeightAt8Bits(0.499).passed(), Exercises01.survivingWeightAt8Bits(0.499).toString());
        ImageDataset test = CourseData.load().test();
        assertTrue(Exercises01.alwaysOneAccuracy((double) test.classCounts()[1] / test.size()).passed());
    }

    @Test
    void commonMistakesFail() {
        assertFalse(Judging.passesFirstTime(() -> Exercises01.flattenedSizeFor32(64 * 8 * 8)), "forgetting the convolutions shrink the image");
        assertFalse(Judging.passesFirstTime(() -> Exercises01.survivingWeightAt8Bits(0.5)), "0.499 survives too");
        assertFalse(Judging.passesFirstTime(() -> Exercises01.survivingWeightAt8Bits(0.498)), "0.498 rounds to 0");
        assertFalse(Judging.passesFirstTime(() -> Exercises01.alwaysOneAccuracy(0.1)));
    }
}
