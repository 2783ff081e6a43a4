package org.quantcourse.compress;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.dl4jfix.Dl4jFixes;
import org.quantcourse.eval.Predictor;
import org.quantcourse.quant.FakeQuantize;
import org.quantcourse.quant.QuantError;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A network with quantized weights: the network's configuration (DL4J JSON) plus, per layer, codes and
 * parameters of each quantized weight and the FP32 (or int32) values of everything else. Immutable. It is itself a
 * {@link Predictor}: {@link #probabilities} runs the compressed model as stored, quantized activations included, so
 * {@code EvaluationResult.of(model, test)} evaluates what was compressed. For DL4J tools,
 * {@link #weightOnlyNetwork()} and {@link #weightOnlyGraph()} give a plain network with the dequantized weights,
 * whose activations stay FP32, as their names say. Used in notebooks 05 and 06.
 */
public final class CompressedModel implements Predictor {
    /** Which DL4J model the configuration describes. */
    public enum Kind {
        /** A {@link MultiLayerNetwork}; layers are numbered as in the network. */
        MULTI_LAYER_NETWORK,
        /** A {@link ComputationGraph}; layers are numbered in {@code graph.getLayers()} order, matched by name. */
        COMPUTATION_GRAPH
    }

    private final Kind kind;
    private final String configJson;
    private final List<CompressedLayer> layers;
    private MultiLayerNetwork simulation; // lazily built for output(); never handed out
    private ComputationGraph graphSimulation; // likewise, for graphs

    /** A model of a MultiLayerNetwork from its configuration JSON and one record per layer, in order. */
    public CompressedModel(String configJson, List<CompressedLayer> layers) {
        this(Kind.MULTI_LAYER_NETWORK, configJson, layers);
    }

    /** A model of either kind from its configuration JSON and one record per layer, in order. */
    public CompressedModel(Kind kind, String configJson, List<CompressedLayer> layers) {
        if (kind == null || configJson == null || layers == null) {
            throw new IllegalArgumentException("kind, configuration and layers must not be null");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).index() != i) {
                throw new IllegalArgumentException("layer record " + i + " has index " + layers.get(i).index());
            }
        }
        if (kind == Kind.MULTI_LAYER_NETWORK) {
            checkLayerCount(parse(configJson).getConfs().size(), layers.size());
        } else {
            checkGraphLayers(parseGraph(configJson), layers);
        }
        this.kind = kind;
        this.configJson = configJson;
        this.layers = List.copyOf(layers);
    }

    /** Which DL4J model this is. */
    public Kind kind() {
        return kind;
    }

    /** The DL4J configuration as JSON. */
    public String configJson() {
        return configJson;
    }

    /** The layer records in order. */
    public List<CompressedLayer> layers() {
        return layers;
    }

    /** Layer {@code i}'s record. */
    public CompressedLayer layer(int i) {
        if (i < 0 || i >= layers.size()) {
            throw new IllegalArgumentException("layer " + i + " does not exist: allowed 0.." + (layers.size() - 1));
        }
        return layers.get(i);
    }

    /** True when some layer's input is quantized (then {@link #output} simulates it; the weight-only network does not). */
    public boolean quantizesActivations() {
        return layers.stream().anyMatch(l -> l.inputParams() != null);
    }

    /**
     * A new MultiLayerNetwork with the dequantized weights (and stored FP32/int32 values) and FP32 activations: the
     * compressed model without its activation quantization. To evaluate the model as compressed, use it as a
     * {@link Predictor} instead.
     */
    public MultiLayerNetwork weightOnlyNetwork() {
        if (kind != Kind.MULTI_LAYER_NETWORK) {
            throw new IllegalArgumentException("this model was made from a ComputationGraph: use weightOnlyGraph()");
        }
        MultiLayerNetwork net = Dl4jFixes.initialized(parse(configJson), true);
        for (CompressedLayer l : layers) {
            setParams(net.getLayer(l.index()), l);
        }
        return net;
    }

    /** A new ComputationGraph with the dequantized weights (and stored FP32 values); graphs quantize weights only. */
    public ComputationGraph weightOnlyGraph() {
        if (kind != Kind.COMPUTATION_GRAPH) {
            throw new IllegalArgumentException("this model was made from a MultiLayerNetwork: use weightOnlyNetwork()");
        }
        ComputationGraph graph = Dl4jFixes.initialized(parseGraph(configJson));
        for (CompressedLayer l : layers) {
            setParams(graph.getLayer(l.name()), l);
        }
        return graph;
    }

    private static void setParams(Layer target, CompressedLayer l) {
        for (Map.Entry<String, LayerParam> p : l.params().entrySet()) {
            INDArray current = target.getParam(p.getKey());
            if (current == null || !Arrays.equals(current.shape(), p.getValue().shape())) {
                throw new IllegalArgumentException("layer " + l.index() + " parameter " + p.getKey() + " has shape "
                        + Arrays.toString(p.getValue().shape()) + " but the configuration expects "
                        + (current == null ? "no such parameter" : Arrays.toString(current.shape())));
            }
            target.setParam(p.getKey(), p.getValue().toArray());
        }
    }

    /**
     * The network's output for {@code input}, fake-quantizing each layer's input where activations are quantized
     * (layer by layer, inference mode); with FP32 activations it equals {@code weightOnlyNetwork().output(input)}.
     * For a graph (weights only) it is {@code weightOnlyGraph().outputSingle(input)}.
     */
    public synchronized INDArray output(INDArray input) {
        if (kind == Kind.COMPUTATION_GRAPH) {
            if (graphSimulation == null) {
                graphSimulation = weightOnlyGraph();
            }
            return graphSimulation.outputSingle(false, input);
        }
        if (simulation == null) {
            simulation = weightOnlyNetwork();
        }
        MultiLayerConfiguration conf = simulation.getLayerWiseConfigurations();
        INDArray a = input;
        for (CompressedLayer l : layers) {
            if (l.inputParams() != null) {
                a = FakeQuantize.apply(a, l.inputParams());
            }
            InputPreProcessor pre = conf.getInputPreProcess(l.index());
            if (pre != null) {
                a = pre.preProcess(a, (int) a.size(0), LayerWorkspaceMgr.noWorkspaces());
            }
            a = simulation.getLayer(l.index()).activate(a, false, LayerWorkspaceMgr.noWorkspaces());
        }
        return a;
    }

    /** The model's class probabilities for {@code features}: {@link #output}, quantized activations included. */
    @Override
    public INDArray probabilities(INDArray features) {
        return output(features);
    }

    /**
     * The error of each quantized weight against the {@code original} network's: one row per quantized layer with
     * columns "layer" (index and type), "shape", "bits", "max |error|", "MSE" and "SQNR dB". Used in notebook 05.
     */
    public Table weightErrors(MultiLayerNetwork original) {
        Table t = Table.create("weight error per layer", StringColumn.create("layer"), StringColumn.create("shape"),
                DoubleColumn.create("bits"), DoubleColumn.create("max |error|"), DoubleColumn.create("MSE"),
                DoubleColumn.create("SQNR dB"));
        for (CompressedLayer layer : layers) {
            layer.quantizedWeight().ifPresent(w -> addWeightError(t, layer, w, original));
        }
        return t;
    }

    private static void addWeightError(Table t, CompressedLayer layer, LayerParam.Quantized w, MultiLayerNetwork original) {
        INDArray fp32 = new ParamKey(layer.index(), "W").valueIn(original);
        QuantError err = QuantError.of(fp32, w.toArray());
        t.stringColumn("layer").append(layer.index() + " " + layer.type());
        t.stringColumn("shape").append(Arrays.toString(fp32.shape()));
        t.doubleColumn("bits").append(w.tensor().params().bits());
        t.doubleColumn("max |error|").append(err.maxAbsError());
        t.doubleColumn("MSE").append(err.mse());
        t.doubleColumn("SQNR dB").append(err.sqnrDb());
    }

    /** FP32 against stored bytes, per layer and in total. */
    public SizeReport sizeReport() {
        return SizeReport.of(layers);
    }

    @Override
    public String toString() {
        SizeReport r = sizeReport();
        return "CompressedModel[" + kind + ", " + layers.size() + " layers, " + r.fp32Bytes() + " fp32 bytes -> " + r.storedBytes()
                + " stored bytes (" + String.format("%.2fx", r.compressionRatio()) + ")]";
    }

    private static void checkLayerCount(int expected, int given) {
        if (expected != given) {
            throw new IllegalArgumentException("configuration has " + expected + " layers but " + given
                    + " layer records were given");
        }
    }

    private static void checkGraphLayers(ComputationGraphConfiguration conf, List<CompressedLayer> layers) {
        for (CompressedLayer l : layers) {
            if (!(conf.getVertices().get(l.name()) instanceof org.deeplearning4j.nn.conf.graph.LayerVertex)) {
                throw new IllegalArgumentException("layer record " + l.index() + " names \"" + l.name()
                        + "\", which is not a layer of the graph configuration");
            }
        }
        long count = conf.getVertices().values().stream()
                .filter(v -> v instanceof org.deeplearning4j.nn.conf.graph.LayerVertex).count();
        checkLayerCount((int) count, layers.size());
    }

    static ComputationGraphConfiguration parseGraph(String json) {
        try {
            return Dl4jFixes.graphConfiguration(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a DL4J ComputationGraphConfiguration JSON: " + e.getMessage(), e);
        }
    }

    static MultiLayerConfiguration parse(String json) {
        try {
            return Dl4jFixes.networkConfiguration(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a DL4J MultiLayerConfiguration JSON: " + e.getMessage(), e);
        }
    }
}
