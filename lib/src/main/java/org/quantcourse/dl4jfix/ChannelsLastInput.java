package org.quantcourse.dl4jfix;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.preprocessor.BaseInputPreProcessor;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Turns NCHW images [b, c, h, w] into NHWC [b, h, w, c] for convolutions that run channels-last (oneDNN's own
 * layout, which spares it a reorder per layer). For one-channel images such as MNIST this is a free reshape.
 * The network's input stays NCHW. Part of the network built by {@code org.quantcourse.train.ArticleCnn}.
 */
public final class ChannelsLastInput extends BaseInputPreProcessor {

    private static final long serialVersionUID = 1L;

    /** Creates the preprocessor (also used when a saved network is loaded). */
    public ChannelsLastInput() {
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, reorder(input, 0, 2, 3, 1, workspaceMgr,
                ArrayType.ACTIVATIONS));
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, reorder(output, 0, 3, 1, 2, workspaceMgr,
                ArrayType.ACTIVATION_GRAD));
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional image)) {
            throw new IllegalStateException("Expected an image input type, got " + inputType + ".");
        }
        return InputType.convolutional(image.getHeight(), image.getWidth(), image.getChannels(), CNN2DFormat.NHWC);
    }

    @Override
    public ChannelsLastInput clone() {
        return new ChannelsLastInput();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelsLastInput;
    }

    @Override
    public int hashCode() {
        return ChannelsLastInput.class.hashCode();
    }

    /** Permutes a rank-4 array; a reshape view when the moved axis has size 1 and the array is contiguous. */
    static INDArray reorder(INDArray array, int a, int b, int c, int d, LayerWorkspaceMgr workspaceMgr,
            ArrayType type) {
        long[] shape = array.shape();
        long[] target = {shape[a], shape[b], shape[c], shape[d]};
        boolean onlyUnitAxisMoves = shape[1] == 1 && a == 0 && b == 2 || shape[3] == 1 && a == 0 && b == 3;
        if (onlyUnitAxisMoves && array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array)) {
            return array.reshape('c', target);
        }
        return workspaceMgr.dup(type, array.permute(a, b, c, d), 'c');
    }
}
