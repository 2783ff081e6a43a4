package org.quantcourse.dl4jfix;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.preprocessor.BaseInputPreProcessor;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flattens NHWC feature maps [b, h, w, c] into vectors [b, c·h·w] in channel-first order, exactly like PyTorch's
 * {@code x.view(-1, 64*6*6)} on NCHW maps, so the dense layer sees the article's order. Part of the network built
 * by {@code org.quantcourse.train.ArticleCnn}.
 */
public final class ChannelsFirstFlatten extends BaseInputPreProcessor {

    private static final long serialVersionUID = 1L;

    private long height;
    private long width;
    private long channels;

    /** Creates an unconfigured preprocessor (used when a saved network is loaded). */
    public ChannelsFirstFlatten() {
    }

    /** Flattens maps of {@code height}×{@code width}×{@code channels}. */
    public ChannelsFirstFlatten(long height, long width, long channels) {
        this.height = height;
        this.width = width;
        this.channels = channels;
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray channelsFirst = ChannelsLastInput.reorder(input, 0, 3, 1, 2, workspaceMgr, ArrayType.ACTIVATIONS);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS,
                channelsFirst.reshape('c', input.size(0), channels * height * width));
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray maps = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, output, 'c')
                .reshape('c', output.size(0), channels, height, width);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD,
                ChannelsLastInput.reorder(maps, 0, 2, 3, 1, workspaceMgr, ArrayType.ACTIVATION_GRAD));
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return InputType.feedForward(channels * height * width);
    }

    @Override
    public ChannelsFirstFlatten clone() {
        return new ChannelsFirstFlatten(height, width, channels);
    }

    /** Height of the maps. */
    public long getHeight() {
        return height;
    }

    /** Width of the maps. */
    public long getWidth() {
        return width;
    }

    /** Channels of the maps. */
    public long getChannels() {
        return channels;
    }

    /** For loading a saved network. */
    public void setHeight(long height) {
        this.height = height;
    }

    /** For loading a saved network. */
    public void setWidth(long width) {
        this.width = width;
    }

    /** For loading a saved network. */
    public void setChannels(long channels) {
        this.channels = channels;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelsFirstFlatten f && f.height == height && f.width == width
                && f.channels == channels;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(height * 31 * 31 + width * 31 + channels);
    }
}
