package org.quantcourse.integer;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Min-max calibration of a DL4J network's activations: the smallest and largest value of the input and of every
 * layer's output over a calibration set; the output layer is observed before its softmax (the logits). Used in
 * notebooks 09, 10.
 *
 * @param names "input", then the layer names
 * @param minima smallest observed value of each
 * @param maxima largest observed value of each
 */
public record ActivationRanges(List<String> names, double[] minima, double[] maxima) {
    private static final int BATCH = 250;

    /** Copies the arrays. */
    public ActivationRanges {
        names = List.copyOf(names);
        minima = minima.clone();
        maxima = maxima.clone();
        if (minima.length != names.size() || maxima.length != names.size()) {
            throw new IllegalArgumentException("need one minimum and one maximum per name");
        }
    }

    /** Runs {@code images} (NCHW) through {@code net} in batches and records every activation's min and max. */
    public static ActivationRanges minMax(MultiLayerNetwork net, INDArray images) {
        if (images.size(0) == 0) {
            throw new IllegalArgumentException("the calibration set is empty: pass at least one image");
        }
        int n = net.getnLayers() + 1;
        double[] min = new double[n];
        double[] max = new double[n];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (long start = 0; start < images.size(0); start += BATCH) {
            long end = Math.min(images.size(0), start + BATCH);
            List<INDArray> acts = activations(net, images.get(NDArrayIndex.interval(start, end)));
            for (int i = 0; i < n; i++) {
                min[i] = Math.min(min[i], acts.get(i).minNumber().doubleValue());
                max[i] = Math.max(max[i], acts.get(i).maxNumber().doubleValue());
            }
        }
        return new ActivationRanges(names(net), min, max);
    }

    /** The uint8 quantization of activation {@code i} (0 = input). */
    public ActivationQuant quant(int i) {
        return ActivationQuant.fromRange(minima[i], maxima[i]);
    }

    /** The uint8 quantization of the activation called {@code name}. */
    public ActivationQuant quant(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no activation " + name + "; known: " + names);
        }
        return quant(i);
    }

    /** The input and each layer's output; the output layer's before its activation function. */
    static List<INDArray> activations(MultiLayerNetwork net, INDArray batch) {
        List<INDArray> acts = new ArrayList<>(net.feedForward(batch, false));
        int last = net.getnLayers() - 1;
        acts.set(last + 1, logits(net, last, acts.get(last)));
        return acts;
    }

    /** {@code x W + b} of the output layer {@code index} for its input {@code x} (after any preprocessor). */
    static INDArray logits(MultiLayerNetwork net, int index, INDArray x) {
        Layer layer = net.getLayer(index);
        if (!(layer instanceof BaseOutputLayer<?>)) {
            throw new IllegalArgumentException("the last layer must be an output layer, got " + layer.getClass());
        }
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(index);
        INDArray in = pre == null ? x : pre.preProcess(x, (int) x.size(0), LayerWorkspaceMgr.noWorkspaces());
        return in.mmul(layer.getParam("W")).addiRowVector(layer.getParam("b"));
    }

    private static List<String> names(MultiLayerNetwork net) {
        List<String> names = new ArrayList<>(List.of("input"));
        for (Layer layer : net.getLayers()) {
            names.add(layer.conf().getLayer().getLayerName());
        }
        return names;
    }
}
