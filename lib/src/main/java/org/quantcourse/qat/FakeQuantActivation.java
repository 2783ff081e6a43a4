package org.quantcourse.qat;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Rint;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;

/**
 * A DL4J layer that fake-quantizes the activations flowing through it on a fixed calibrated range
 * {@code [lower, upper]} with {@code b}-bit asymmetric codes: {@code y = (clamp(rint(x/s) + z, 0, 2^b−1) − z)·s}
 * with the course's {@code s} and {@code z} ({@link Quantizer#asymmetric}). Backward, the straight-through
 * estimator: the gradient passes unchanged ({@link SteMode#PLAIN}) or only where {@code x} lies inside the range
 * ({@link SteMode#CLIPPED}). No parameters; saved in the network's JSON. Used in notebook 11.
 */
public final class FakeQuantActivation extends NoParamLayer {

    private static final long serialVersionUID = 1L;

    @JsonProperty
    private int bits;
    @JsonProperty
    private float lower;
    @JsonProperty
    private float upper;
    @JsonProperty
    private SteMode ste;

    /** For DL4J's JSON. */
    public FakeQuantActivation() {
    }

    private FakeQuantActivation(String name, int bits, float lower, float upper, SteMode ste) {
        this.bits = bits;
        this.lower = lower;
        this.upper = upper;
        this.ste = ste;
        setLayerName(name);
        params();
    }

    /** A layer named {@code name} quantizing to {@code bits} (2..16) on {@code [lower, upper]} (widened to hold 0). */
    public static FakeQuantActivation of(String name, int bits, float lower, float upper, SteMode ste) {
        if (!(upper > lower) || !Float.isFinite(lower) || !Float.isFinite(upper)) {
            throw new IllegalArgumentException("the activation range must be finite with upper > lower, got ["
                    + lower + ", " + upper + "]; calibrate it on a few batches first");
        }
        if (ste == null) {
            throw new IllegalArgumentException("pass the estimator, SteMode.PLAIN or SteMode.CLIPPED");
        }
        return new FakeQuantActivation(name, bits, lower, upper, ste);
    }

    /** The quantization parameters (scale, zero-point) of the range. */
    public QuantParams params() {
        return Quantizer.asymmetric(bits).paramsFromRange(new float[] {lower}, new float[] {upper});
    }

    /** Bits of the codes. */
    public int bits() {
        return bits;
    }

    /** The estimator used backward. */
    public SteMode ste() {
        return ste;
    }

    /** The fake-quantized copy of {@code x}. */
    public INDArray fakeQuantize(INDArray x) {
        QuantParams p = params();
        INDArray y = x.dup().muli(1f / p.scale());
        Nd4j.exec(new Rint(y, y));
        y.addi(p.zeroPoint());
        Transforms.max(y, p.qmin(), false);
        Transforms.min(y, p.qmax(), false);
        return y.subi(p.zeroPoint()).muli(p.scale());
    }

    /** The estimator's mask: 1 where the gradient passes (everywhere for PLAIN; inside the range for CLIPPED). */
    public INDArray gradientMask(INDArray x) {
        if (ste == SteMode.PLAIN) {
            return Nd4j.ones(x.dataType(), x.shape());
        }
        QuantParams p = params();
        DataType type = x.dataType();
        return x.gte(p.rangeMin(0)).castTo(type).muli(x.lte(p.rangeMax(0)).castTo(type));
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
            INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        FakeQuantActivationLayer layer = new FakeQuantActivationLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> table = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return EmptyParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(getLayerName(), FakeQuantActivation.class, inputType, inputType)
                .standardMemory(0, 0).workingMemory(0, 0, 0, inputType.arrayElementsPerExample())
                .cacheMemory(Map.of(), Map.of()).build();
    }

    @Override
    public FakeQuantActivation clone() {
        return new FakeQuantActivation(getLayerName(), bits, lower, upper, ste);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FakeQuantActivation f && f.bits == bits && f.lower == lower && f.upper == upper
                && f.ste == ste && Objects.equals(f.getLayerName(), getLayerName());
    }

    @Override
    public int hashCode() {
        return Objects.hash(bits, lower, upper, ste, getLayerName());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FakeQuantActivation(%s: %d bits on [%g, %g], %s STE)", getLayerName(), bits,
                lower, upper, ste.name().toLowerCase(Locale.ROOT));
    }
}
