package org.quantcourse.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MultipleChoiceKnapsackTest {
    private static final double COST_TOLERANCE = 1e-12;
    private static final int TABLES = 300;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void findsTheCheapestChoiceThatBruteForceFinds(int groups) {
        SplittableRandom random = new SplittableRandom(groups);
        for (int table = 0; table < TABLES; table++) {
            int options = 1 + random.nextInt(4);
            long[][] weights = new long[groups][options];
            double[][] costs = new double[groups][options];
            for (int g = 0; g < groups; g++) {
                for (int o = 0; o < options; o++) {
                    weights[g][o] = random.nextInt(50);
                    costs[g][o] = random.nextDouble();
                }
            }
            long budget = random.nextInt(50 * groups + 1);
            double best = bruteForce(weights, costs, budget, 0, 0, 0);
            if (best == Double.POSITIVE_INFINITY) {
                assertThrows(IllegalArgumentException.class, () -> MultipleChoiceKnapsack.solve(weights, costs, budget));
                continue;
            }
            int[] choice = MultipleChoiceKnapsack.solve(weights, costs, budget);
            assertTrue(weightOf(weights, choice) <= budget, "the choice fits the budget");
            assertEquals(best, costOf(costs, choice), COST_TOLERANCE, "table " + table + " is solved optimally");
        }
    }

    @Test
    void beatsTheGreedyChoiceWhereGreedyIsNotOptimal() {
        // greedy by cost saved per byte upgrades group 0 first (0.5 per byte) and then cannot afford group 1's
        // large but more valuable upgrade; the optimum takes group 1's instead
        long[][] weights = {{0, 2}, {0, 10}};
        double[][] costs = {{1.0, 0.0}, {6.0, 0.0}};
        assertArrayEquals(new int[] {0, 1}, MultipleChoiceKnapsack.solve(weights, costs, 10));
    }

    @Test
    void saysWhyNoChoiceFits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultipleChoiceKnapsack.solve(new long[][] {{5, 9}}, new double[][] {{1, 0}}, 4));
        assertTrue(e.getMessage().contains("lightest takes 5"), e.getMessage());
    }

    @Test
    void rejectsTablesOfDifferentShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> MultipleChoiceKnapsack.solve(new long[][] {{1, 2}}, new double[][] {{1}}, 4));
        assertThrows(IllegalArgumentException.class,
                () -> MultipleChoiceKnapsack.solve(new long[][] {{1}}, new double[][] {{Double.NaN}}, 4));
    }

    private static double bruteForce(long[][] w, double[][] c, long budget, int g, long weight, double cost) {
        if (weight > budget) {
            return Double.POSITIVE_INFINITY;
        }
        if (g == w.length) {
            return cost;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int o = 0; o < w[g].length; o++) {
            best = Math.min(best, bruteForce(w, c, budget, g + 1, weight + w[g][o], cost + c[g][o]));
        }
        return best;
    }

    private static long weightOf(long[][] w, int[] choice) {
        long sum = 0;
        for (int g = 0; g < choice.length; g++) {
            sum += w[g][choice[g]];
        }
        return sum;
    }

    private static double costOf(double[][] c, int[] choice) {
        double sum = 0;
        for (int g = 0; g < choice.length; g++) {
            sum += c[g][choice[g]];
        }
        return sum;
    }
}
