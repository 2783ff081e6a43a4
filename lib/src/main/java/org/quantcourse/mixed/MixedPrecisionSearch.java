package org.quantcourse.mixed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.quantcourse.compress.CompressedModel;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;

/**
 * Uniform and mixed precision on one size-accuracy plane: every layer at the same width, against the
 * {@link BitAllocation#optimal} allocation for each byte budget, each model quantized by {@link ModelQuantizer} and
 * evaluated on the same subset. Used in notebook 14.
 */
public final class MixedPrecisionSearch {
    private final MultiLayerNetwork net;
    private final IntFunction<QuantSpec> family;
    private final EvaluationSubset test;

    private MixedPrecisionSearch(MultiLayerNetwork net, IntFunction<QuantSpec> family, EvaluationSubset test) {
        this.net = net;
        this.family = family;
        this.test = test;
    }

    /** A search over {@code net}'s weights quantized by {@code family} (bits to spec), evaluated on {@code test}. */
    public static MixedPrecisionSearch of(MultiLayerNetwork net, IntFunction<QuantSpec> family, EvaluationSubset test) {
        if (net == null || family == null || test == null) {
            throw new IllegalArgumentException("need a network, a spec family and test data");
        }
        return new MixedPrecisionSearch(net, family, test);
    }

    /** One point per width: every layer at {@code bits}. */
    public List<SizeAccuracyPoint> uniform(SensitivityTable table, int... bits) {
        List<SizeAccuracyPoint> points = new ArrayList<>();
        for (int b : bits) {
            points.add(evaluate("uniform " + b + "-bit", BitAllocation.uniform(table, Objective.OUTPUT_NOISE, b)));
        }
        return points;
    }

    /** One point per budget: the optimal allocation for {@code objective} within {@code budgets[i]} bytes. */
    public List<SizeAccuracyPoint> mixed(SensitivityTable table, Objective objective, long... budgets) {
        List<SizeAccuracyPoint> points = new ArrayList<>();
        for (long budget : budgets) {
            points.add(evaluate("mixed <= " + budget + " B", BitAllocation.optimal(table, objective, budget)));
        }
        return points;
    }

    /** The allocation quantized and evaluated. */
    public SizeAccuracyPoint evaluate(String config, BitAllocation allocation) {
        CompressedModel model = ModelQuantizer.quantize(net, allocation.spec(family));
        return new SizeAccuracyPoint(config, allocation.describe(), model.sizeReport().storedBytes(),
                test.accuracy(model));
    }
}
