package org.quantcourse.compress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.quantcourse.quant.QuantParams;

/**
 * One layer of a compressed model: its stored parameters by DL4J name ("W", "b", "gamma", ...) and, when
 * activations are quantized, the parameters of its input. Used in notebook 05.
 *
 * @param index position in the network
 * @param name DL4J layer name
 * @param type DL4J layer class, e.g. "ConvolutionLayer"
 * @param params stored parameters in DL4J order
 * @param inputParams quantization of the layer's input, or null when the input stays FP32
 */
public record CompressedLayer(int index, String name, String type, Map<String, LayerParam> params,
        QuantParams inputParams) {

    /** Copies the parameter map (order kept). */
    public CompressedLayer {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The input's quantization parameters, if activations are quantized at this layer. */
    public Optional<QuantParams> inputQuantization() {
        return Optional.ofNullable(inputParams);
    }

    /** The quantized weight "W", if this layer's weight was quantized. */
    public Optional<LayerParam.Quantized> quantizedWeight() {
        return params.get("W") instanceof LayerParam.Quantized q ? Optional.of(q) : Optional.empty();
    }

    /** Bytes of all parameters as FP32. */
    public long fp32Bytes() {
        return params.values().stream().mapToLong(LayerParam::fp32Bytes).sum();
    }

    /** Bytes of all parameters as stored. */
    public long storedBytes() {
        return params.values().stream().mapToLong(LayerParam::storedBytes).sum();
    }

    /** Number of parameter values. */
    public long parameterCount() {
        return fp32Bytes() / 4;
    }
}
