package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.quantcourse.course.CourseData;

class Exercises04Test implements FreshAttemptsEachTest {

    @Test
    void conv2ParametersCountWeightsAndBiases() {
        assertTrue(Exercises04.conv2Parameters(64 * 3 * 3 * 32 + 64).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises04.conv2Parameters(64 * 3 * 3 * 32)), "forgetting the 64 biases");
    }

    @Test
    void updatesPerEpochCountTheLastSmallerBatch() {
        int images = CourseData.load().train().size();
        int batches = 0;
        for (int start = 0; start < images; start += 64) {
            batches++;
        }
        assertTrue(Exercises04.updatesPerEpoch(batches).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises04.updatesPerEpoch(images)), "one update per image is SGD, not batches of 64");
    }

    @Test
    void mostCommonMistakeIsTheLargestOffDiagonalEntry() {
        int[][] confusion = {{50, 2, 0}, {1, 60, 3}, {0, 0, 90}};
        assertTrue(Exercises04.mostCommonMistake(confusion, 1, 2).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises04.mostCommonMistake(confusion, 2, 1)), "row and column swapped");
        assertFalse(Judging.passesFirstTime(() -> Exercises04.mostCommonMistake(confusion, 2, 2)), "the diagonal is not a mistake");
        assertFalse(Judging.passesFirstTime(() -> Exercises04.mostCommonMistake(confusion, 3, 0)), "no such digit");
    }
}
