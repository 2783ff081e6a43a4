package org.quantcourse.mixed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.compress.CompressedModel;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.compress.WeightLayout;
import org.quantcourse.eval.Predictor;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-layer sensitivity: the network with one layer at a time quantized to each bit width (the others FP32), its
 * accuracy drop and output SQNR, and the layer's stored bytes at that width. Used in notebook 14:
 * {@code SensitivityTable.measure(net, bits -> QuantSpec.symmetric(bits).perChannel(), new int[] {2, 3, 4, 8}, test)}.
 *
 * @param fp32Accuracy the FP32 network's accuracy on the same examples
 * @param fixedBytes bytes of the parameters of layers without a quantizable weight (stored FP32 in every model)
 * @param rows one measurement per (layer, bits), layers in order, bits ascending
 */
public record SensitivityTable(double fp32Accuracy, long fixedBytes, List<LayerSensitivity> rows) {

    /** Copies the rows. */
    public SensitivityTable {
        rows = List.copyOf(rows);
    }

    /** Quantizes each quantizable layer alone to each of {@code bits} with {@code family} and evaluates on {@code test}. */
    public static SensitivityTable measure(MultiLayerNetwork net, IntFunction<QuantSpec> family, int[] bits,
            EvaluationSubset test) {
        if (net == null || family == null || bits == null || bits.length == 0 || test == null) {
            throw new IllegalArgumentException("need a network, a spec family, at least one bit width and test data");
        }
        int[] layers = quantizableLayers(net);
        INDArray reference = test.probabilities(Predictor.of(net));
        double fp32 = test.accuracyOf(reference);
        List<LayerSensitivity> rows = new ArrayList<>();
        for (int layer : layers) {
            for (int b : Arrays.stream(bits).sorted().distinct().toArray()) {
                rows.add(measureOne(net, family.apply(b), layer, b, test, reference, fp32, layers));
            }
        }
        return new SensitivityTable(fp32, fixedBytes(net, layers), rows);
    }

    /** Indices of the layers with a weight the library quantizes (conv, dense, output), in order. */
    public static int[] quantizableLayers(MultiLayerNetwork net) {
        List<Integer> layers = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            if (WeightLayout.of(net.getLayer(i).conf().getLayer()).isPresent()
                    && net.getLayer(i).paramTable().containsKey("W")) {
                layers.add(i);
            }
        }
        return layers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The layers measured, in order. */
    public int[] layers() {
        return rows.stream().mapToInt(LayerSensitivity::layer).distinct().toArray();
    }

    /** The bit widths measured, ascending. */
    public int[] bits() {
        return rows.stream().mapToInt(LayerSensitivity::bits).distinct().sorted().toArray();
    }

    /** The measurement of {@code layer} at {@code bits}. */
    public LayerSensitivity row(int layer, int bits) {
        return rows.stream().filter(r -> r.layer() == layer && r.bits() == bits).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no measurement of layer " + layer + " at " + bits
                        + " bits: the table has layers " + Arrays.toString(layers()) + " and bits "
                        + Arrays.toString(bits())));
    }

    /** The rows as a table: layer, name, bits, stored bytes, accuracy, drop, output SQNR (dB). */
    public Table table() {
        Table t = Table.create("per-layer sensitivity (one layer quantized, the others FP32)", IntColumn.create("layer"),
                StringColumn.create("name"), IntColumn.create("bits"), LongColumn.create("stored bytes"),
                DoubleColumn.create("accuracy"), DoubleColumn.create("accuracy drop"),
                DoubleColumn.create("output SQNR dB"));
        for (LayerSensitivity r : rows) {
            t.intColumn("layer").append(r.layer());
            t.stringColumn("name").append(r.name());
            t.intColumn("bits").append(r.bits());
            t.longColumn("stored bytes").append(r.storedBytes());
            t.doubleColumn("accuracy").append(r.accuracy());
            t.doubleColumn("accuracy drop").append(r.accuracyDrop());
            t.doubleColumn("output SQNR dB").append(r.outputSqnrDb());
        }
        return t;
    }

    /** {@code 10 log10(Σ y² / Σ (y − ŷ)²)} in dB (infinite when the outputs are equal). */
    public static double sqnrDb(INDArray reference, INDArray approx) {
        double signal = reference.mul(reference).sumNumber().doubleValue();
        INDArray error = reference.sub(approx);
        double noise = error.mul(error).sumNumber().doubleValue();
        return 10 * Math.log10(signal / noise);
    }

    private static LayerSensitivity measureOne(MultiLayerNetwork net, QuantSpec spec, int layer, int bits,
            EvaluationSubset test, INDArray reference, double fp32, int[] layers) {
        QuantSpec alone = spec;
        for (int other : layers) {
            alone = other == layer ? alone : alone.keepFloat(other);
        }
        CompressedModel model = ModelQuantizer.quantize(net, alone);
        INDArray probabilities = test.probabilities(model);
        double accuracy = test.accuracyOf(probabilities);
        return new LayerSensitivity(layer, model.layer(layer).name(), bits, model.layer(layer).storedBytes(), accuracy,
                fp32 - accuracy, sqnrDb(reference, probabilities));
    }

    private static long fixedBytes(MultiLayerNetwork net, int[] layers) {
        long total = net.numParams() * Float.BYTES;
        for (int layer : layers) {
            total -= net.getLayer(layer).numParams() * Float.BYTES;
        }
        return total;
    }
}
