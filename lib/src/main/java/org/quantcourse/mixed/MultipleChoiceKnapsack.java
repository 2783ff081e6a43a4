package org.quantcourse.mixed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The exact multiple-choice knapsack: pick one option per group so that the summed weights stay within a budget
 * and the summed costs are smallest. Dynamic programming over the Pareto set of partial solutions: after each group
 * only the (weight, cost) pairs that no lighter-and-cheaper pair beats are kept, so the result is optimal and the
 * work grows with the number of such pairs, not with the budget. Used in notebook 14.
 */
public final class MultipleChoiceKnapsack {
    private MultipleChoiceKnapsack() {}

    /**
     * The option index per group minimising {@code Σ cost[g][choice[g]]} with {@code Σ weight[g][choice[g]] ≤ budget};
     * ties go to the lighter solution.
     */
    public static int[] solve(long[][] weights, double[][] costs, long budget) {
        check(weights, costs);
        List<Partial> front = List.of(new Partial(0, 0, new int[0]));
        for (int g = 0; g < weights.length; g++) {
            front = extend(front, weights[g], costs[g], budget);
        }
        if (front.isEmpty()) {
            throw new IllegalArgumentException("no choice fits the budget of " + budget + ": the lightest takes "
                    + Arrays.stream(weights).mapToLong(w -> Arrays.stream(w).min().orElse(0)).sum());
        }
        return front.stream().min(Comparator.comparingDouble(Partial::cost).thenComparingLong(Partial::weight))
                .orElseThrow().choices();
    }

    private static List<Partial> extend(List<Partial> front, long[] weights, double[] costs, long budget) {
        List<Partial> next = new ArrayList<>();
        for (Partial p : front) {
            for (int o = 0; o < weights.length; o++) {
                if (p.weight() + weights[o] <= budget) {
                    next.add(p.with(o, weights[o], costs[o]));
                }
            }
        }
        return paretoOnly(next);
    }

    /** Sorted by weight, keeps each partial solution cheaper than every lighter one. */
    private static List<Partial> paretoOnly(List<Partial> all) {
        all.sort(Comparator.comparingLong(Partial::weight).thenComparingDouble(Partial::cost));
        List<Partial> kept = new ArrayList<>();
        for (Partial p : all) {
            if (kept.isEmpty() || p.cost() < kept.get(kept.size() - 1).cost()) {
                kept.add(p);
            }
        }
        return kept;
    }

    private static void check(long[][] weights, double[][] costs) {
        if (weights == null || costs == null || weights.length != costs.length || weights.length == 0) {
            throw new IllegalArgumentException("need weights and costs for the same groups, at least one group");
        }
        for (int g = 0; g < weights.length; g++) {
            if (weights[g].length == 0 || weights[g].length != costs[g].length) {
                throw new IllegalArgumentException("group " + g + " needs at least one option and one cost per"
                        + " weight, got " + weights[g].length + " weights and " + costs[g].length + " costs");
            }
            for (int o = 0; o < costs[g].length; o++) {
                if (!Double.isFinite(costs[g][o]) || weights[g][o] < 0) {
                    throw new IllegalArgumentException("group " + g + " option " + o + " has weight "
                            + weights[g][o] + " and cost " + costs[g][o] + ": need weight >= 0 and a finite cost");
                }
            }
        }
    }

    /** A partial solution over the first groups. */
    private record Partial(long weight, double cost, int[] choices) {
        Partial with(int option, long addedWeight, double addedCost) {
            int[] c = Arrays.copyOf(choices, choices.length + 1);
            c[choices.length] = option;
            return new Partial(weight + addedWeight, cost + addedCost, c);
        }
    }
}
