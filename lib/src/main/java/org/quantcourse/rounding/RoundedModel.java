package org.quantcourse.rounding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.compress.CompressedLayer;
import org.quantcourse.compress.CompressedModel;
import org.quantcourse.compress.LayerParam;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.compress.WeightLayout;
import org.quantcourse.quant.QuantizedTensor;

/**
 * A network compressed by {@link ModelQuantizer} whose dense layers' codes were then re-chosen by a
 * {@link WeightRounding} on calibration data: same grid (scales, zero-points, bits), same stored size, other codes.
 * Used in notebook 14: {@code RoundedModel.of(net, QuantSpec.symmetric(3).perChannel(), AdaRound.defaults(), x)}.
 *
 * @param network the FP32 network
 * @param model the compressed model
 * @param roundedLayers indices of the dense layers whose codes the rounding chose
 */
public record RoundedModel(MultiLayerNetwork network, CompressedModel model, Set<Integer> roundedLayers) {

    /** Copies the layer set. */
    public RoundedModel {
        roundedLayers = Collections.unmodifiableSortedSet(new TreeSet<>(roundedLayers));
    }

    /** Compresses {@code net} as {@code spec} says, then rounds every quantized dense layer with {@code rounding}. */
    public static RoundedModel of(MultiLayerNetwork net, QuantSpec spec, WeightRounding rounding,
            INDArray calibrationFeatures) {
        if (rounding == null || calibrationFeatures == null) {
            throw new IllegalArgumentException("rounding and calibration features must not be null");
        }
        CompressedModel nearest = ModelQuantizer.quantize(net, spec);
        List<CompressedLayer> layers = new ArrayList<>();
        Set<Integer> rounded = new TreeSet<>();
        for (CompressedLayer layer : nearest.layers()) {
            boolean dense = WeightLayout.of(net.getLayer(layer.index()).conf().getLayer())
                    .filter(l -> l == WeightLayout.DENSE).isPresent() && layer.quantizedWeight().isPresent();
            layers.add(dense ? rounded(net, layer, rounding, calibrationFeatures) : layer);
            if (dense) {
                rounded.add(layer.index());
            }
        }
        return new RoundedModel(net, new CompressedModel(nearest.configJson(), layers), rounded);
    }

    /** The mean squared pre-activation output error of layer {@code layer} on {@code features}, FP32 inputs. */
    public double outputMse(int layer, INDArray features) {
        INDArray inputs = LayerInputs.of(network, layer, features);
        return LayerInputs.outputMse(inputs, network.getLayer(layer).getParam("W"),
                model.layer(layer).params().get("W").toArray());
    }

    private static CompressedLayer rounded(MultiLayerNetwork net, CompressedLayer layer, WeightRounding rounding,
            INDArray features) {
        INDArray w = net.getLayer(layer.index()).getParam("W");
        QuantizedTensor nearest = layer.quantizedWeight().orElseThrow().tensor();
        QuantizedTensor codes = rounding.round(w, nearest.params(), LayerInputs.of(net, layer.index(), features));
        Map<String, LayerParam> params = new LinkedHashMap<>(layer.params());
        params.put("W", new LayerParam.Quantized(codes));
        return new CompressedLayer(layer.index(), layer.name(), layer.type(), params, layer.inputParams());
    }
}
