package org.quantcourse.train;

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
 * DL4J's oneDNN convolution helper with one fix for channels-last (NHWC) layers: in M2.1 {@code ConvolutionLayer}
 * hands the helper the output gradient as a permuted, non-contiguous view, and the native oneDNN backward pass
 * reads it as if it were contiguous, which gives wrong weight and bias gradients. This helper makes the arrays
 * contiguous first. Installed by {@link ChannelsLastConvolution}.
 */
final class ChannelsLastConvHelper extends MKLDNNConvHelper {

    ChannelsLastConvHelper(DataType dataType) {
        super(dataType);
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
        return super.backpropGradient(contiguous(input), weights, bias, contiguous(delta), kernel, strides, pad,
                biasGradView, weightGradView, afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format,
                workspaceMgr);
    }

    private static INDArray contiguous(INDArray array) {
        return array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array) ? array : array.dup('c');
    }
}
