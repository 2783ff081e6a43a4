package org.quantcourse.train;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.quantcourse.dl4jfix.ChannelsFirstFlatten;
import org.quantcourse.dl4jfix.ChannelsLastConvolution;
import org.quantcourse.dl4jfix.ChannelsLastInput;
import org.quantcourse.dl4jfix.ChannelsLastReLU;
import org.quantcourse.dl4jfix.Dl4jFixes;
import org.quantcourse.dl4jfix.OneDnn;

/**
 * The article's CNN in DL4J: conv 1→32 3×3 ReLU, conv 32→64 3×3 ReLU, average-pool 4×4 stride 4, dense →100 ReLU,
 * dense →10 softmax, cross-entropy loss, SGD with learning rate 0.01. Used in notebooks 01, 04, 05 and 06.
 *
 * <p>The article writes {@code Linear(64*16*16, 100)}, which fits only a 68×68 input; for MNIST's 28×28 images the
 * flattened size is 64·6·6 = 2304 ({@link #correctFlattenedSize(int)}, {@link #inputSizeFor(int)}).
 *
 * <p>With oneDNN (the default) the network is built through {@link Dl4jFixes}, which switches on DL4J's oneDNN
 * layer helpers unless the system property {@value OneDnn#HELPERS_DISABLE_PROPERTY} was set explicitly.
 */
public final class ArticleCnn {

    /** Side of an MNIST image, in pixels. */
    public static final int MNIST_SIZE = 28;
    /** Number of classes (digits 0–9). */
    public static final int CLASSES = 10;
    /** The flattened size the article writes: {@code 64*16*16}. */
    public static final int ARTICLE_FLATTENED_SIZE = 64 * 16 * 16;
    /** Channels after the second convolution. */
    public static final int CONV2_CHANNELS = 64;
    /** Learning rate of the article's SGD. */
    public static final double ARTICLE_LEARNING_RATE = 0.01;

    private static final int KERNEL = 3;
    private static final int POOL = 4;

    private ArticleCnn() {
    }

    /** Starts a builder with the article's settings (seed 42, SGD 0.01, 28×28 input, oneDNN on). */
    public static Builder builder() {
        return new Builder();
    }

    /** Side of the feature map after conv, conv and pooling for a square input of side {@code inputSize}. */
    public static int pooledSize(int inputSize) {
        int minimum = POOL + 2 * (KERNEL - 1);
        if (inputSize < minimum) {
            throw new IllegalArgumentException("Input size " + inputSize + " is too small: the two 3×3"
                    + " convolutions and the 4×4 pooling need at least " + minimum + " pixels per side.");
        }
        int afterConvs = inputSize - 2 * (KERNEL - 1);
        return (afterConvs - POOL) / POOL + 1;
    }

    /** Length of the flattened vector entering the first dense layer: 64 · pooled², e.g. 2304 for 28. */
    public static int correctFlattenedSize(int inputSize) {
        int pooled = pooledSize(inputSize);
        return CONV2_CHANNELS * pooled * pooled;
    }

    /** The input side whose flattened size is exactly {@code flattenedSize}, e.g. 68 for the article's 64·16·16. */
    public static int inputSizeFor(int flattenedSize) {
        int pooledArea = flattenedSize / CONV2_CHANNELS;
        int pooled = (int) Math.round(Math.sqrt(pooledArea));
        if (flattenedSize <= 0 || flattenedSize % CONV2_CHANNELS != 0 || pooled * pooled != pooledArea) {
            throw new IllegalArgumentException("Flattened size " + flattenedSize + " is not 64 · k · k for a"
                    + " whole k, so no square input fits it; 28×28 gives 64·6·6 = 2304.");
        }
        return POOL * pooled + 2 * (KERNEL - 1);
    }

    /** Builder of the article's network; {@link #build()} returns an initialized FLOAT {@link MultiLayerNetwork}. */
    public static final class Builder {

        private long seed = 42;
        private IUpdater updater = Updaters.sgd(ARTICLE_LEARNING_RATE);
        private int inputSize = MNIST_SIZE;
        private boolean oneDnn = true;
        private boolean channelsLast = true;
        private int conv1Channels = 32;
        private int conv2Channels = CONV2_CHANNELS;
        private int hidden = 100;

        private Builder() {
        }

        /** Seed of the weight initialisation. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Uses plain SGD with this learning rate (same as {@code updater(Updaters.sgd(rate))}). */
        public Builder learningRate(double rate) {
            this.updater = Updaters.sgd(rate);
            return this;
        }

        /** Uses this updater, e.g. {@link Updaters#momentum(double, double)} or {@link Updaters#adam(double)}. */
        public Builder updater(IUpdater updater) {
            if (updater == null) {
                throw new IllegalArgumentException("Updater must not be null; use Updaters.sgd(0.01) for the article's.");
            }
            this.updater = updater;
            return this;
        }

        /** Side of the square one-channel input: 28 for MNIST (default), 68 for the article's {@code 64*16*16}. */
        public Builder inputSize(int inputSize) {
            pooledSize(inputSize);
            this.inputSize = inputSize;
            return this;
        }

        /**
         * A narrower (or wider) network of the same shape: {@code conv1} and {@code conv2} output channels and
         * {@code hidden} units in fc1 (the article's are 32, 64, 100), e.g. a small student for distillation.
         */
        public Builder widths(int conv1, int conv2, int hidden) {
            if (conv1 < 1 || conv2 < 1 || hidden < 1) {
                throw new IllegalArgumentException("widths must be at least 1 channel or unit each, got conv1 " + conv1
                        + ", conv2 " + conv2 + ", fc1 " + hidden + "; the article's are 32, 64, 100");
            }
            this.conv1Channels = conv1;
            this.conv2Channels = conv2;
            this.hidden = hidden;
            return this;
        }

        /** Whether to use the oneDNN helpers and device caching (default) or DL4J's stock code path. */
        public Builder oneDnn(boolean oneDnn) {
            this.oneDnn = oneDnn;
            return this;
        }

        /** With oneDNN, whether convolutions run channels-last (default, faster) or in DL4J's NCHW layout. */
        public Builder channelsLast(boolean channelsLast) {
            this.channelsLast = channelsLast;
            return this;
        }

        /**
         * The network configuration (not yet initialized). With oneDNN the convolutions and the pooling run
         * channels-last (NHWC, oneDNN's native layout); {@link ChannelsLastInput} and {@link ChannelsFirstFlatten}
         * keep the input NCHW and the flattening in the article's channel-first order, so the network computes the
         * same function as the stock one.
         */
        public MultiLayerConfiguration configuration() {
            boolean nhwc = oneDnn && channelsLast;
            CNN2DFormat format = nhwc ? CNN2DFormat.NHWC : CNN2DFormat.NCHW;
            int pooled = pooledSize(inputSize);
            NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                    .seed(seed)
                    .dataType(DataType.FLOAT)
                    .updater(updater)
                    .weightInit(WeightInit.UNIFORM)
                    .cacheMode(oneDnn ? CacheMode.DEVICE : CacheMode.NONE)
                    .list()
                    .layer(convolution("conv1", conv1Channels, format))
                    .layer(convolution("conv2", conv2Channels, format))
                    .layer(new SubsamplingLayer.Builder(PoolingType.AVG).name("pool").dataFormat(format)
                            .kernelSize(POOL, POOL).stride(POOL, POOL).build())
                    .layer(new DenseLayer.Builder().name("fc1").nOut(hidden).activation(Activation.RELU).build())
                    .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("fc2").nOut(CLASSES)
                            .activation(Activation.SOFTMAX).build());
            if (nhwc) {
                list.inputPreProcessor(0, new ChannelsLastInput())
                        .inputPreProcessor(3, new ChannelsFirstFlatten(pooled, pooled, conv2Channels));
            }
            return list.setInputType(InputType.convolutional(inputSize, inputSize, 1)).build();
        }

        /** Builds and initializes the network. */
        public MultiLayerNetwork build() {
            return Dl4jFixes.initialized(configuration(), oneDnn);
        }

        private static ConvolutionLayer convolution(String name, int channels, CNN2DFormat format) {
            ConvolutionLayer.Builder builder = new ConvolutionLayer.Builder(KERNEL, KERNEL).name(name).stride(1, 1)
                    .nOut(channels).dataFormat(format);
            if (format == CNN2DFormat.NHWC) {
                return new ChannelsLastConvolution(builder.activation(new ChannelsLastReLU()));
            }
            return builder.activation(Activation.RELU).build();
        }
    }
}
