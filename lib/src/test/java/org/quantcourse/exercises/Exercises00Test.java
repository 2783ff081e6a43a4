package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.quantcourse.course.CourseData;

class Exercises00Test implements FreshAttemptsEachTest {

    @Test
    void rightAnswersPassAndWrongOnesGetAHint() {
        int sevens = CourseData.load().train().classCounts()[7];
        assertTrue(Exercises00.digitCount(7, sevens).passed());
        CheckResult wrong = Exercises00.digitCount(7, sevens + 1);
        assertFalse(wrong.passed());
        assertTrue(wrong.toString().startsWith("✗ Exercise 0.1") && wrong.message().contains("Hint"), wrong.toString());
        assertTrue(Exercises00.imageBytes(3136, 784).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises00.imageBytes(784, 784)));
        assertFalse(Judging.passesFirstTime(() -> Exercises00.meanPixel(0.5)));
    }

    @Test
    void meanPixelAcceptsTheMeanComputedPixelByPixel() {
        var train = CourseData.load().train();
        double sum = 0;
        long count = 0;
        for (int i = 0; i < train.size(); i++) {
            for (float p : train.pixels(i)) {
                sum += p;
                count++;
            }
        }
        double mean = sum / count;
        assertTrue(Exercises00.meanPixel(mean).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises00.meanPixel(mean * 255)), "bytes 0..255, not [0, 1]");
    }
}
