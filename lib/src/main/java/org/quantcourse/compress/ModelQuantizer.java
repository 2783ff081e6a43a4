package org.quantcourse.compress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.quant.Granularity;
import org.quantcourse.quant.Observer;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.QuantizedTensor;
import org.quantcourse.quant.Quantizer;

/**
 * Quantizes the weights of a trained DL4J {@link MultiLayerNetwork} (or, weights only, a {@link ComputationGraph})
 * into a {@link CompressedModel}, leaving the network untouched. Used in notebooks 05 and 06:
 * {@code ModelQuantizer.quantize(net, QuantSpec.symmetric(8).perChannel())}.
 *
 * <ul>
 *   <li>Quantized: the weight "W" of conv, dense and output layers ({@link WeightLayout}).
 *   <li>Kept FP32: biases (by default), BatchNormalization's gamma, beta, mean and log10stdev (few values, and
 *       sensitive), and the parameters of any other layer type.
 *   <li>With {@link QuantSpec#withActivations(int)}: each quantized layer's input gets asymmetric per-tensor
 *       parameters from calibration batches (min-max), and its bias becomes int32 with scale
 *       {@code s_w[c] * s_x} (per output channel for per-channel weights; per-group weights keep an FP32 bias,
 *       as no single accumulator scale exists).
 * </ul>
 */
public final class ModelQuantizer {
    private ModelQuantizer() {}

    /** Quantizes the weights of {@code net} as {@code spec} says; activations stay FP32. */
    public static CompressedModel quantize(MultiLayerNetwork net, QuantSpec spec) {
        if (spec != null && spec.activationBits() > 0) {
            throw new IllegalArgumentException(spec + " quantizes activations, which needs calibration inputs:"
                    + " call quantize(net, spec, calibrationBatches)");
        }
        return quantize(net, spec, List.of());
    }

    /** Quantizes weights and, as {@code spec} says, activations calibrated on {@code calibration} batches. */
    public static CompressedModel quantize(MultiLayerNetwork net, QuantSpec spec, List<INDArray> calibration) {
        checkArguments(net, spec, calibration);
        List<QuantParams> inputs = spec.activationBits() > 0 ? calibrate(net, spec, calibration) : null;
        List<CompressedLayer> layers = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            layers.add(compressLayer(net.getLayer(i), i, spec, inputs == null ? null : inputs.get(i)));
        }
        return new CompressedModel(net.getLayerWiseConfigurations().toJson(), layers);
    }

    /**
     * Quantizes the weights of a {@link ComputationGraph} (weights only: activation quantization is for
     * MultiLayerNetwork); layer indices in {@code spec} follow {@code graph.getLayers()} order.
     */
    public static CompressedModel quantize(ComputationGraph graph, QuantSpec spec) {
        if (graph == null || spec == null) {
            throw new IllegalArgumentException("graph and spec must not be null");
        }
        if (graph.params() == null || graph.getLayers() == null) {
            throw new IllegalArgumentException("the graph has no parameters yet: call graph.init() (or train it)"
                    + " before quantizing");
        }
        if (spec.activationBits() > 0) {
            throw new IllegalArgumentException("activation quantization is supported for MultiLayerNetwork only;"
                    + " quantize the graph's weights with a spec without withActivations(..)");
        }
        List<CompressedLayer> layers = new ArrayList<>();
        org.deeplearning4j.nn.api.Layer[] graphLayers = graph.getLayers();
        for (int i = 0; i < graphLayers.length; i++) {
            layers.add(compressLayer(graphLayers[i], i, spec, null));
        }
        return new CompressedModel(CompressedModel.Kind.COMPUTATION_GRAPH, graph.getConfiguration().toJson(), layers);
    }

    private static CompressedLayer compressLayer(org.deeplearning4j.nn.api.Layer layer, int i, QuantSpec spec,
            QuantParams input) {
        Layer conf = layer.conf().getLayer();
        Map<String, INDArray> table = layer.paramTable();
        Optional<WeightLayout> layout = WeightLayout.of(conf);
        Optional<QuantSpec> layerSpec = spec.forLayer(i);
        boolean quantize = layout.isPresent() && layerSpec.isPresent() && table.containsKey("W");
        Map<String, LayerParam> params = new LinkedHashMap<>();
        QuantizedTensor w = null;
        if (quantize) {
            w = layerSpec.get().quantizerFor(layout.get()).quantize(table.get("W"));
        }
        for (Map.Entry<String, INDArray> e : table.entrySet()) {
            params.put(e.getKey(), storedParam(e.getKey(), e.getValue(), w, quantize ? input : null));
        }
        return new CompressedLayer(i, conf.getLayerName(), conf.getClass().getSimpleName(), params,
                quantize ? input : null);
    }

    private static LayerParam storedParam(String key, INDArray value, QuantizedTensor w, QuantParams input) {
        if (key.equals("W") && w != null) {
            return new LayerParam.Quantized(w);
        }
        if (key.equals("b") && w != null && input != null
                && !(w.params().granularity() instanceof Granularity.PerGroup)) {
            return LayerParam.Int32.of(value, biasScales(w.params(), input.scale(), value.length()));
        }
        return LayerParam.Float32.of(value);
    }

    /** {@code s_w[c] * s_x} per output channel (one weight scale per tensor or per output channel). */
    private static float[] biasScales(QuantParams weights, float inputScale, long outputs) {
        float[] scales = new float[(int) outputs];
        for (int c = 0; c < scales.length; c++) {
            scales[c] = weights.scale(weights.groups() == 1 ? 0 : c) * inputScale;
        }
        return scales;
    }

    /** Observes the input of every layer over the calibration batches; parameters per layer. */
    private static List<QuantParams> calibrate(MultiLayerNetwork net, QuantSpec spec, List<INDArray> calibration) {
        int n = net.getnLayers();
        List<Observer> observers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            observers.add(Quantizer.asymmetric(spec.activationBits()).observer());
        }
        for (INDArray batch : calibration) {
            List<INDArray> acts = net.feedForward(batch, false);
            for (int i = 0; i < n; i++) {
                observers.get(i).observe(acts.get(i));
            }
        }
        return observers.stream().map(Observer::params).toList();
    }

    private static void checkArguments(MultiLayerNetwork net, QuantSpec spec, List<INDArray> calibration) {
        if (net == null || spec == null || calibration == null) {
            throw new IllegalArgumentException("network, spec and calibration list must not be null");
        }
        if (net.params() == null || net.getLayers() == null) {
            throw new IllegalArgumentException("the network has no parameters yet: call net.init() (or train it)"
                    + " before quantizing");
        }
        if (spec.activationBits() > 0 && calibration.isEmpty()) {
            throw new IllegalArgumentException(spec + " quantizes activations: give at least one calibration batch");
        }
        if (spec.activationBits() == 0 && !calibration.isEmpty()) {
            throw new IllegalArgumentException("calibration batches were given but " + spec + " keeps activations"
                    + " FP32: add withActivations(bits) or drop the batches");
        }
    }
}
