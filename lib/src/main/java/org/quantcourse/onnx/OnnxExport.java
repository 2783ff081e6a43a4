package org.quantcourse.onnx;

import java.io.IOException;
import java.nio.file.Path;
import onnx.Onnx.ModelProto;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.integer.ActivationQuant;
import org.quantcourse.integer.QuantizedAvgPool;
import org.quantcourse.integer.QuantizedConv;
import org.quantcourse.integer.QuantizedDense;
import org.quantcourse.integer.QuantizedFlatten;
import org.quantcourse.integer.QuantizedLayer;
import org.quantcourse.integer.QuantizedModel;
import org.quantcourse.integer.QuantizedWeights;
import org.quantcourse.io.AtomicFile;

/**
 * Exports the course CNN to ONNX (opset 13): the FP32 DL4J network as Conv/Relu/AveragePool/Flatten/Gemm/Softmax
 * (input NCHW {@code [batch, c, h, w]}, output {@value #PROBABILITIES}), and a {@link QuantizedModel} in QDQ
 * format: every activation passes through QuantizeLinear/DequantizeLinear with its calibrated uint8 scale and
 * zero-point, weights are int8 initializers behind a per-channel DequantizeLinear (axis 0), biases int32 with scale
 * {@code s_w[o] s_x}; output {@value #LOGITS} (the dequantized logit codes). ONNX Runtime fuses the QDQ groups
 * into QLinearConv, QLinearAveragePool and QGemm. Used in notebook 10.
 */
public final class OnnxExport {
    /** Name of the image input of both models. */
    public static final String INPUT = "input";
    /** Output of the FP32 model: softmax probabilities. */
    public static final String PROBABILITIES = "probabilities";
    /** Output of the QDQ model: dequantized logits. */
    public static final String LOGITS = "logits";
    /** Output of {@link #quantizeDequantize}: the dequantized codes. */
    public static final String ROUND_TRIP = "round_trip";

    private OnnxExport() {
    }

    /** The FP32 network for NCHW inputs {@code [batch, channels, height, width]}. */
    public static ModelProto fp32(MultiLayerNetwork net, int channels, int height, int width) {
        OnnxGraph g = new OnnxGraph("course_cnn_fp32").input(INPUT, channels, height, width);
        String x = INPUT;
        boolean map = true;
        int outputs = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            String name = conf.getLayerName() == null ? "layer" + i : conf.getLayerName();
            if (conf instanceof ConvolutionLayer c) {
                x = g.node("Conv", name, new String[] {x, weight(g, name, layer.getParam("W")),
                        g.floats(name + ".b", layer.getParam("b").toFloatVector(), c.getNOut())},
                        "kernel_shape", toLongs(c.getKernelSize()), "strides", toLongs(c.getStride()),
                        "pads", pads(c.getPadding()), "dilations", toLongs(c.getDilation()));
                checkNotSame(name, c.getConvolutionMode());
                x = activation(g, name, x, c, false);
            } else if (conf instanceof SubsamplingLayer s) {
                checkNotSame(name, s.getConvolutionMode());
                String op = s.getPoolingType() == PoolingType.AVG ? "AveragePool" : s.getPoolingType() == PoolingType.MAX
                        ? "MaxPool" : unsupported(name, "pooling " + s.getPoolingType());
                x = g.node(op, name, new String[] {x}, "kernel_shape", toLongs(s.getKernelSize()),
                        "strides", toLongs(s.getStride()), "pads", pads(s.getPadding()));
            } else if (conf instanceof FeedForwardLayer d) {
                if (map) {
                    x = g.node("Flatten", "flatten", new String[] {x}, "axis", 1L);
                    map = false;
                }
                INDArray w = layer.getParam("W");
                outputs = (int) d.getNOut();
                x = g.node("Gemm", name, new String[] {x, weight(g, name, w),
                        g.floats(name + ".b", layer.getParam("b").toFloatVector(), outputs)});
                x = activation(g, name, x, (BaseLayer) d, i == net.getnLayers() - 1);
            } else {
                unsupported(name, conf.getClass().getSimpleName());
            }
        }
        g.node("Identity", PROBABILITIES, new String[] {x});
        return g.output(PROBABILITIES, outputs).model("quantcourse");
    }

    /** The quantized model in QDQ form with int8 weights ({@link WeightEncoding#INT8}); see the other overload. */
    public static ModelProto qdq(QuantizedModel model) {
        return qdq(model, WeightEncoding.INT8);
    }

    /** The quantized model in QDQ form, for NCHW float inputs; it outputs the dequantized logit codes. */
    public static ModelProto qdq(QuantizedModel model, WeightEncoding encoding) {
        OnnxGraph g = new OnnxGraph("course_cnn_int8_qdq").input(INPUT, model.channels(), model.height(),
                model.width());
        String codes = quantize(g, "input", INPUT, model.input());
        for (QuantizedLayer layer : model.layers()) {
            if (layer instanceof QuantizedFlatten f) {
                codes = g.node("Flatten", f.name() + ".q", new String[] {codes}, "axis", 1L);
                continue;
            }
            String x = dequantize(g, layer.name() + ".in", codes, layer.input());
            String y;
            if (layer instanceof QuantizedConv c) {
                y = g.node("Conv", c.name(), new String[] {x, qdqWeights(g, c.name(), ohwiToOihw(c), encoding),
                        qdqBias(g, c.name(), c.bias(), c.weights(), c.input())},
                        "kernel_shape", new long[] {c.kernel(), c.kernel()}, "strides", new long[] {1, 1});
                y = c.relu() ? g.node("Relu", c.name() + ".relu", new String[] {y}) : y;
            } else if (layer instanceof QuantizedAvgPool p) {
                y = g.node("AveragePool", p.name(), new String[] {x},
                        "kernel_shape", new long[] {p.window(), p.window()}, "strides", new long[] {p.window(), p.window()});
            } else {
                QuantizedDense d = (QuantizedDense) layer;
                y = g.node("Gemm", d.name(), new String[] {x, qdqWeights(g, d.name(), d.weights(),
                        encoding, d.outputLength(), d.inputLength()), qdqBias(g, d.name(), d.bias(), d.weights(), d.input())},
                        "transB", 1L);
                y = d.relu() ? g.node("Relu", d.name() + ".relu", new String[] {y}) : y;
            }
            codes = quantize(g, layer.name(), y, layer.output());
        }
        dequantizeTo(g, LOGITS, codes, model.logits());
        return g.output(LOGITS, model.classes()).model("quantcourse");
    }

    /**
     * The smallest QDQ model: one QuantizeLinear (uint8, scale {@code q.scale()}, zero-point {@code q.zeroPoint()})
     * and its DequantizeLinear, for float inputs {@code [batch, dims...]}; output {@value #ROUND_TRIP}. Running it in
     * ONNX Runtime shows how the engine itself rounds and saturates.
     */
    public static ModelProto quantizeDequantize(ActivationQuant q, long... dims) {
        OnnxGraph g = new OnnxGraph("quantize_dequantize").input(INPUT, dims);
        dequantizeTo(g, ROUND_TRIP, quantize(g, "input", INPUT, q), q);
        return g.output(ROUND_TRIP, dims).model("quantcourse");
    }

    /** Writes the model to {@code file} (atomically) and returns its size in bytes. */
    public static long save(ModelProto model, Path file) throws IOException {
        AtomicFile.write(file, temp -> java.nio.file.Files.write(temp, model.toByteArray()));
        return java.nio.file.Files.size(file);
    }

    private static String quantize(OnnxGraph g, String name, String x, ActivationQuant q) {
        return g.node("QuantizeLinear", name + ".q", new String[] {x, g.floats(name + ".scale",
                new float[] {q.scale()}), g.uint8(name + ".zero_point", new int[] {q.zeroPoint()})});
    }

    private static String dequantize(OnnxGraph g, String name, String codes, ActivationQuant q) {
        return dequantizeTo(g, name + ".dq", codes, q);
    }

    private static String dequantizeTo(OnnxGraph g, String output, String codes, ActivationQuant q) {
        return g.node("DequantizeLinear", output, new String[] {codes, g.floats(output + ".scale",
                new float[] {q.scale()}), g.uint8(output + ".zero_point", new int[] {q.zeroPoint()})});
    }

    private static String qdqWeights(OnnxGraph g, String name, QuantizedWeights w, WeightEncoding encoding,
            long... dims) {
        if (w.zeroPoint() != 0) {
            throw new IllegalArgumentException("layer " + name + " has weight zero-point " + w.zeroPoint()
                    + ": the QDQ export needs symmetric weights (zero-point 0)");
        }
        String scales = g.floats(name + ".W.scale", w.scales(), w.outputs());
        if (encoding == WeightEncoding.UINT8_OFFSET_128) {
            int[] shifted = new int[w.outputs() * w.depth()];
            byte[] codes = w.codes();
            for (int i = 0; i < shifted.length; i++) {
                shifted[i] = codes[i] + 128;
            }
            int[] zeroPoints = new int[w.outputs()];
            java.util.Arrays.fill(zeroPoints, 128);
            return g.node("DequantizeLinear", name + ".W", new String[] {g.uint8(name + ".W.uint8", shifted, dims),
                    scales, g.uint8(name + ".W.zero_point", zeroPoints, w.outputs())}, "axis", 0L);
        }
        return g.node("DequantizeLinear", name + ".W", new String[] {g.int8(name + ".W.int8", w.codes(), dims),
                scales, g.int8(name + ".W.zero_point", new byte[w.outputs()], w.outputs())}, "axis", 0L);
    }

    private static String qdqWeights(OnnxGraph g, String name, OihwWeights w, WeightEncoding encoding) {
        return qdqWeights(g, name, w.weights(), encoding, w.dims());
    }

    private static String qdqBias(OnnxGraph g, String name, int[] bias, QuantizedWeights w, ActivationQuant in) {
        float[] scales = w.scales();
        for (int o = 0; o < scales.length; o++) {
            scales[o] = scales[o] * in.scale();
        }
        String codes = g.ints(name + ".b.int32", bias, bias.length);
        return g.node("DequantizeLinear", name + ".b", new String[] {codes, g.floats(name + ".b.scale", scales,
                scales.length), g.ints(name + ".b.zero_point", new int[bias.length], bias.length)}, "axis", 0L);
    }

    /** Weights of a convolution reordered from the engine's OHWI rows to ONNX's OIHW. */
    private record OihwWeights(QuantizedWeights weights, long[] dims) {
    }

    private static OihwWeights ohwiToOihw(QuantizedConv c) {
        QuantizedWeights w = c.weights();
        int k = c.kernel();
        int in = c.inChannels();
        byte[] oihw = new byte[w.outputs() * w.depth()];
        for (int o = 0; o < w.outputs(); o++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    for (int ch = 0; ch < in; ch++) {
                        oihw[o * w.depth() + (ch * k + ky) * k + kx] = (byte) w.code(o, (ky * k + kx) * in + ch);
                    }
                }
            }
        }
        return new OihwWeights(new QuantizedWeights(oihw, w.outputs(), w.depth(), w.scales(), 0),
                new long[] {w.outputs(), in, k, k});
    }

    private static String weight(OnnxGraph g, String name, INDArray w) {
        return g.floats(name + ".W", w.dup('c').data().asFloat(), w.shape());
    }

    private static String activation(OnnxGraph g, String name, String x, BaseLayer layer, boolean last) {
        IActivation a = layer.getActivationFn();
        if (a instanceof ActivationReLU) {
            return g.node("Relu", name + ".relu", new String[] {x});
        } else if (a instanceof ActivationSoftmax && last) {
            return g.node("Softmax", name + ".softmax", new String[] {x}, "axis", 1L);
        } else if (a instanceof ActivationIdentity) {
            return x;
        }
        return unsupported(name, "activation " + a);
    }

    private static void checkNotSame(String name, ConvolutionMode mode) {
        if (mode == ConvolutionMode.Same) {
            unsupported(name, "ConvolutionMode.Same");
        }
    }

    private static String unsupported(String name, String what) {
        throw new IllegalArgumentException("layer " + name + ": " + what + " cannot be exported; supported are"
                + " convolutions, average/max pooling, dense layers with ReLU, identity or a final softmax");
    }

    private static long[] toLongs(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static long[] pads(int[] padding) {
        return new long[] {padding[0], padding[1], padding[0], padding[1]};
    }
}
