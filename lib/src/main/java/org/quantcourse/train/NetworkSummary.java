package org.quantcourse.train;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.quantcourse.dl4jfix.ChannelsLastConvolution;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-layer shapes and parameter counts of a network, with the arithmetic behind them (e.g. "28 − 3 + 1 = 26",
 * "64·6·6 = 2304 → 100"). Shapes are per example, channels first. Used in notebooks 01 and 04.
 */
public record NetworkSummary(Table table, long totalParameters) {

    /** Column names of {@link #table()}. */
    public static final String LAYER = "layer", NAME = "name", TYPE = "type", INPUT = "input", OUTPUT = "output",
            SHAPE_ARITHMETIC = "shape arithmetic", PARAMETERS = "parameters",
            PARAMETER_ARITHMETIC = "parameter arithmetic";

    /** Summarises {@code net}, inferring its input shape from the configuration (e.g. 1×28×28 for the article's). */
    public static NetworkSummary of(MultiLayerNetwork net) {
        return of(net, InputShapes.expected(net.getLayerWiseConfigurations()));
    }

    /** Summarises {@code net} for the given input type. */
    public static NetworkSummary of(MultiLayerNetwork net, InputType input) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        List<InputType> outputs = conf.getLayerActivationTypes(input);
        Table table = emptyTable();
        InputType previous = input;
        for (int i = 0; i < outputs.size(); i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            InputType in = pre == null ? previous : pre.getOutputType(previous);
            addRow(table, i, conf.getConf(i).getLayer(), previous, in, outputs.get(i), net.getLayer(i).numParams());
            previous = outputs.get(i);
        }
        return new NetworkSummary(table, net.numParams());
    }

    /** The per-example output shape of layer {@code index}, e.g. [64, 6, 6] for the pooling layer. */
    public String outputShape(int index) {
        return table.stringColumn(OUTPUT).get(index);
    }

    /** The table followed by the total parameter count. */
    @Override
    public String toString() {
        return table.printAll() + "\nTotal parameters: " + totalParameters;
    }

    private static Table emptyTable() {
        return Table.create("Network summary", IntColumn.create(LAYER), StringColumn.create(NAME),
                StringColumn.create(TYPE), StringColumn.create(INPUT), StringColumn.create(OUTPUT),
                StringColumn.create(SHAPE_ARITHMETIC), LongColumn.create(PARAMETERS),
                StringColumn.create(PARAMETER_ARITHMETIC));
    }

    private static void addRow(Table table, int index, Layer layer, InputType raw, InputType in, InputType out,
            long params) {
        table.intColumn(LAYER).append(index);
        table.stringColumn(NAME).append(layer.getLayerName() == null ? "layer" + index : layer.getLayerName());
        table.stringColumn(TYPE).append(typeOf(layer));
        table.stringColumn(INPUT).append(shape(in));
        table.stringColumn(OUTPUT).append(shape(out));
        table.stringColumn(SHAPE_ARITHMETIC).append(shapeArithmetic(layer, raw, in, out));
        table.longColumn(PARAMETERS).append(params);
        table.stringColumn(PARAMETER_ARITHMETIC).append(parameterArithmetic(layer, in, params));
    }

    private static String typeOf(Layer layer) {
        String type = layer instanceof ChannelsLastConvolution ? "ConvolutionLayer" : layer.getClass().getSimpleName();
        return layer instanceof SubsamplingLayer s ? type + " (" + s.getPoolingType() + ")" : type;
    }

    static String shape(InputType type) {
        return Arrays.stream(InputShapes.perExample(type)).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String shapeArithmetic(Layer layer, InputType raw, InputType in, InputType out) {
        long[] inShape = InputShapes.perExample(in);
        long[] outShape = InputShapes.perExample(out);
        if (layer instanceof ConvolutionLayer c) {
            return window(inShape[1], c.getKernelSize()[0], c.getStride()[0], c.getPadding()[0], outShape[1]);
        }
        if (layer instanceof SubsamplingLayer s) {
            return window(inShape[1], s.getKernelSize()[0], s.getStride()[0], s.getPadding()[0], outShape[1]);
        }
        long[] rawShape = InputShapes.perExample(raw);
        String flatten = rawShape.length > 1 ? Arrays.stream(rawShape).mapToObj(Long::toString)
                .collect(Collectors.joining("·", "", " = ")) : "";
        return flatten + inShape[0] + " → " + outShape[0];
    }

    private static String window(long in, int kernel, int stride, int padding, long out) {
        if (stride == 1 && padding == 0) {
            return in + " − " + kernel + " + 1 = " + out;
        }
        String padded = padding == 0 ? Long.toString(in) : in + " + 2·" + padding;
        return "⌊(" + padded + " − " + kernel + ") / " + stride + "⌋ + 1 = " + out;
    }

    private static String parameterArithmetic(Layer layer, InputType in, long params) {
        if (layer instanceof ConvolutionLayer c) {
            long nIn = c.getNIn();
            long nOut = c.getNOut();
            int[] k = c.getKernelSize();
            return nOut + "·" + nIn + "·" + k[0] + "·" + k[1] + " + " + nOut + " = " + params;
        }
        if (layer instanceof FeedForwardLayer f) {
            return f.getNIn() + "·" + f.getNOut() + " + " + f.getNOut() + " = " + params;
        }
        return Long.toString(params);
    }
}
