package org.quantcourse.mixed;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.quantcourse.compress.QuantSpec;

/**
 * Bits per quantized layer, chosen from a {@link SensitivityTable} under a byte budget by the exact
 * {@link MultipleChoiceKnapsack}, with the size and summed cost the table predicts. Used in notebook 14.
 *
 * @param bitsByLayer bits of each quantized layer, by layer index
 * @param storedBytes the predicted stored bytes of the whole model (sum of the layers' bytes plus the fixed ones)
 * @param predictedCost the objective's sum over layers
 */
public record BitAllocation(SortedMap<Integer, Integer> bitsByLayer, long storedBytes, double predictedCost) {

    /** Copies the map. */
    public BitAllocation {
        bitsByLayer = Collections.unmodifiableSortedMap(new TreeMap<>(bitsByLayer));
    }

    /** The allocation minimising {@code objective}'s summed cost with at most {@code budgetBytes} stored bytes. */
    public static BitAllocation optimal(SensitivityTable table, Objective objective, long budgetBytes) {
        int[] layers = table.layers();
        int[] bits = table.bits();
        long[][] weights = new long[layers.length][bits.length];
        double[][] costs = new double[layers.length][bits.length];
        for (int l = 0; l < layers.length; l++) {
            for (int b = 0; b < bits.length; b++) {
                LayerSensitivity s = table.row(layers[l], bits[b]);
                weights[l][b] = s.storedBytes();
                costs[l][b] = objective.cost(s);
            }
        }
        int[] choice = MultipleChoiceKnapsack.solve(weights, costs, budgetBytes - table.fixedBytes());
        return of(table, objective, layers, Arrays.stream(choice).map(c -> bits[c]).toArray());
    }

    /** Every layer at {@code bits}: the uniform allocation, with the table's prediction. */
    public static BitAllocation uniform(SensitivityTable table, Objective objective, int bits) {
        int[] layers = table.layers();
        int[] same = new int[layers.length];
        Arrays.fill(same, bits);
        return of(table, objective, layers, same);
    }

    /** The spec: {@code family}'s spec at each layer's bits, as per-layer overrides. */
    public QuantSpec spec(IntFunction<QuantSpec> family) {
        int widest = bitsByLayer.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        QuantSpec spec = family.apply(widest);
        for (Map.Entry<Integer, Integer> e : bitsByLayer.entrySet()) {
            spec = e.getValue() == widest ? spec : spec.withLayer(e.getKey(), family.apply(e.getValue()));
        }
        return spec;
    }

    /** The bits in layer order joined by '/', e.g. "8/4/2/8". */
    public String describe() {
        return bitsByLayer.values().stream().map(String::valueOf).collect(Collectors.joining("/"));
    }

    private static BitAllocation of(SensitivityTable table, Objective objective, int[] layers, int[] bits) {
        SortedMap<Integer, Integer> map = new TreeMap<>();
        long bytes = table.fixedBytes();
        double cost = 0;
        for (int l = 0; l < layers.length; l++) {
            LayerSensitivity s = table.row(layers[l], bits[l]);
            map.put(layers[l], bits[l]);
            bytes += s.storedBytes();
            cost += objective.cost(s);
        }
        return new BitAllocation(map, bytes, cost);
    }
}
