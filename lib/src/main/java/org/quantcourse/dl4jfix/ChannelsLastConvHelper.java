package org.quantcourse.dl4jfix;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * DL4J's oneDNN convolution helper, fixed and tuned for channels-last (NHWC) layers. The forward pass runs in
 * NHWC, oneDNN's native layout (no reorders: fast inference). The backward pass runs channels-first: oneDNN's
 * backward kernels want blocked layouts that are cheaper to reach from NCHW, and in M2.1 {@code ConvolutionLayer}
 * hands an NHWC helper the output gradient as a permuted, non-contiguous view that the native NHWC backward pass
 * reads as if it were contiguous, giving wrong weight and bias gradients. Here that gradient view is turned back
 * into the channels-first array it comes from (no copy), the input is copied to NCHW, and the input gradient is
 * returned as an NHWC view. Installed by {@link ChannelsLastConvolution}.
 */
final class ChannelsLastConvHelper extends MKLDNNConvHelper {

    /** A separate helper for the backward pass, which runs channels-first (its op context keeps the layout). */
    private final MKLDNNConvHelper backward;

    ChannelsLastConvHelper(DataType dataType) {
        super(dataType);
        this.backward = new MKLDNNConvHelper(dataType);
    }

    /** Replaces the stock oneDNN helper of {@code layer}, if it has one, by this fixed one. */
    static void install(ConvolutionLayer layer) {
        if (layer.getHelper() == null || layer.getHelper().getClass() != MKLDNNConvHelper.class) {
            return;
        }
        try {
            Field helper = ConvolutionLayer.class.getDeclaredField("helper");
            helper.setAccessible(true);
            helper.set(layer, new ChannelsLastConvHelper(layer.getParam("W").dataType()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot install the channels-last oneDNN convolution fix in this DL4J"
                    + " version; build the network with ArticleCnn.builder().channelsLast(false).", e);
        }
    }

    @Override
    public INDArray preOutput(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides,
            int[] pad, AlgoMode mode, FwdAlgo algo, ConvolutionMode convolutionMode, int[] dilation,
            CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        return super.preOutput(contiguous(input), weights, bias, kernel, strides, pad, mode, algo, convolutionMode,
                dilation, format, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
            int[] kernel, int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView, IActivation afn,
            AlgoMode mode, BwdFilterAlgo bwdFilterAlgo, BwdDataAlgo bwdDataAlgo, ConvolutionMode convolutionMode,
            int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (format != CNN2DFormat.NHWC) {
            return super.backpropGradient(contiguous(input), weights, bias, contiguous(delta), kernel, strides, pad,
                    biasGradView, weightGradView, afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation,
                    format, workspaceMgr);
        }
        Pair<Gradient, INDArray> channelsFirst = backward.backpropGradient(channelsFirst(input), weights, bias,
                channelsFirst(delta), kernel, strides, pad, biasGradView, weightGradView, afn, mode, bwdFilterAlgo,
                bwdDataAlgo, convolutionMode, dilation, CNN2DFormat.NCHW, workspaceMgr);
        return new Pair<>(channelsFirst.getFirst(), channelsFirst.getSecond().permute(0, 2, 3, 1));
    }

    /** NHWC → NCHW: free when the array is a channels-last view of channels-first data, else one copy. */
    private static INDArray channelsFirst(INDArray nhwc) {
        return contiguous(nhwc.permute(0, 3, 1, 2));
    }

    private static INDArray contiguous(INDArray array) {
        return array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array) ? array : array.dup('c');
    }
}
