package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Exercises03Test implements FreshAttemptsEachTest {

    @Test
    void handComputedAnswersPass() {
        assertTrue(Exercises03.binaryCrossEntropy(0.22314).passed());
        double articleLoss = -(0.7 * Math.log(0.5) + 0.2 * Math.log(0.3) + 0.1 * Math.log(0.2));
        assertTrue(Exercises03.articleLoss(articleLoss).passed(), Exercises03.articleLoss(articleLoss).toString());
        assertTrue(Exercises03.momentumDistance(0.1 + 0.19 + 0.271).passed(), Exercises03.momentumDistance(0.561).toString());
    }

    @Test
    void commonMistakesFail() {
        assertFalse(Judging.passesFirstTime(() -> Exercises03.binaryCrossEntropy(Math.log10(1 / 0.8))), "log10 instead of ln");
        double kl = 0.7 * Math.log(0.7 / 0.5) + 0.2 * Math.log(0.2 / 0.3) + 0.1 * Math.log(0.1 / 0.2);
        assertFalse(Judging.passesFirstTime(() -> Exercises03.articleLoss(kl)), "KL instead of cross-entropy");
        assertFalse(Judging.passesFirstTime(() -> Exercises03.momentumDistance(0.3)), "plain SGD distance");
    }
}
