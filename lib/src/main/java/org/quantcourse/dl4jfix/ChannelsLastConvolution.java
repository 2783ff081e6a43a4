package org.quantcourse.dl4jfix;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J convolution layer (configured channels-last) whose layers get the fixed oneDNN helper
 * {@link ChannelsLastConvHelper}, also when a saved network is loaded. Part of the network built by
 * {@code org.quantcourse.train.ArticleCnn}. Creating its layers installs {@link Dl4jFixes} (also when a saved
 * network is read with DL4J's own {@code ModelSerializer}).
 */
public class ChannelsLastConvolution extends org.deeplearning4j.nn.conf.layers.ConvolutionLayer {

    private static final long serialVersionUID = 1L;

    /** For loading a saved network. */
    public ChannelsLastConvolution() {
    }

    /** A layer configured by a standard DL4J convolution builder. */
    public ChannelsLastConvolution(org.deeplearning4j.nn.conf.layers.ConvolutionLayer.Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
            INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        Dl4jFixes.install();
        Layer layer = super.instantiate(conf, listeners, layerIndex, layerParamsView, initializeParams,
                networkDataType);
        ChannelsLastConvHelper.install((org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) layer);
        return layer;
    }
}
