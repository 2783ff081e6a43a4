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
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.dl4jfix.Dl4jFixes;
import org.quantcourse.quant.FakeQuantize;

/**
 * A network with quantized weights: the network's configuration (DL4J JSON) plus, per layer, codes and
 * parameters of each quantized weight and the FP32 (or int32) values of everything else. Immutable. Produces an
 * evaluable network with dequantized weights: {@link #toNetwork()} for a {@code MultiLayerNetwork},
 * {@link #toGraph()} for a {@code ComputationGraph}. Used in notebooks 05 and 06.
 */
public final class CompressedModel {
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

    /** True when some layer's input is quantized (then {@link #output} simulates it; the network does not). */
    public boolean quantizesActivations() {
        return layers.stream().anyMatch(l -> l.inputParams() != null);
    }

    /** A new MultiLayerNetwork with the dequantized weights (and stored FP32/int32 values); evaluable with DL4J. */
    public MultiLayerNetwork toNetwork() {
        if (kind != Kind.MULTI_LAYER_NETWORK) {
            throw new IllegalArgumentException("this model was made from a ComputationGraph: use toGraph()");
        }
        MultiLayerNetwork net = new MultiLayerNetwork(parse(configJson));
        net.init();
        for (CompressedLayer l : layers) {
            setParams(net.getLayer(l.index()), l);
        }
        return net;
    }

    /** A new ComputationGraph with the dequantized weights (and stored FP32 values); evaluable with DL4J. */
    public ComputationGraph toGraph() {
        if (kind != Kind.COMPUTATION_GRAPH) {
            throw new IllegalArgumentException("this model was made from a MultiLayerNetwork: use toNetwork()");
        }
        ComputationGraph graph = new ComputationGraph(parseGraph(configJson));
        graph.init();
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
     * (layer by layer, inference mode); with FP32 activations it equals {@code toNetwork().output(input)}. For a
     * graph (weights only) it is {@code toGraph().outputSingle(input)}.
     */
    public synchronized INDArray output(INDArray input) {
        if (kind == Kind.COMPUTATION_GRAPH) {
            if (graphSimulation == null) {
                graphSimulation = toGraph();
            }
            return graphSimulation.outputSingle(false, input);
        }
        if (simulation == null) {
            simulation = toNetwork();
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

    /** Classification metrics of {@link #output} over a data set iterator (reset first). */
    public Evaluation evaluate(DataSetIterator data) {
        Evaluation eval = new Evaluation();
        data.reset();
        while (data.hasNext()) {
            DataSet ds = data.next();
            eval.eval(ds.getLabels(), output(ds.getFeatures()));
        }
        return eval;
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
