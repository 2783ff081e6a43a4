package org.quantcourse.compress;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.quant.FakeQuantize;

/**
 * A network with quantized weights: the network's configuration (DL4J JSON) plus, per layer, codes and
 * parameters of each quantized weight and the FP32 (or int32) values of everything else. Immutable. Produces an
 * evaluable network with dequantized weights. Used in notebooks 05 and 06.
 */
public final class CompressedModel {
    private final String configJson;
    private final List<CompressedLayer> layers;
    private MultiLayerNetwork simulation; // lazily built for output(); never handed out

    /** A model from a DL4J configuration JSON and one record per layer, in order. */
    public CompressedModel(String configJson, List<CompressedLayer> layers) {
        if (configJson == null || layers == null) {
            throw new IllegalArgumentException("configuration and layers must not be null");
        }
        MultiLayerConfiguration conf = parse(configJson);
        if (conf.getConfs().size() != layers.size()) {
            throw new IllegalArgumentException("configuration has " + conf.getConfs().size() + " layers but "
                    + layers.size() + " layer records were given");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).index() != i) {
                throw new IllegalArgumentException("layer record " + i + " has index " + layers.get(i).index());
            }
        }
        this.configJson = configJson;
        this.layers = List.copyOf(layers);
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

    /** A new network with the dequantized weights (and stored FP32/int32 values); evaluable with DL4J. */
    public MultiLayerNetwork toNetwork() {
        MultiLayerNetwork net = new MultiLayerNetwork(parse(configJson));
        net.init();
        for (CompressedLayer l : layers) {
            for (Map.Entry<String, LayerParam> p : l.params().entrySet()) {
                INDArray target = net.getLayer(l.index()).getParam(p.getKey());
                if (target == null || !Arrays.equals(target.shape(), p.getValue().shape())) {
                    throw new IllegalArgumentException("layer " + l.index() + " parameter " + p.getKey() + " has shape "
                            + Arrays.toString(p.getValue().shape()) + " but the configuration expects "
                            + (target == null ? "no such parameter" : Arrays.toString(target.shape())));
                }
                net.getLayer(l.index()).setParam(p.getKey(), p.getValue().toArray());
            }
        }
        return net;
    }

    /**
     * The network's output for {@code input}, fake-quantizing each layer's input where activations are quantized
     * (layer by layer, inference mode); with FP32 activations it equals {@code toNetwork().output(input)}.
     */
    public synchronized INDArray output(INDArray input) {
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
        return "CompressedModel[" + layers.size() + " layers, " + r.fp32Bytes() + " fp32 bytes -> " + r.storedBytes()
                + " stored bytes (" + String.format("%.2fx", r.compressionRatio()) + ")]";
    }

    static MultiLayerConfiguration parse(String json) {
        try {
            return MultiLayerConfiguration.fromJson(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a DL4J MultiLayerConfiguration JSON: " + e.getMessage(), e);
        }
    }
}
