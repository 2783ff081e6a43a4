package org.quantcourse.formats;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.quantcourse.train.ArticleCnn;

/**
 * Small seeded CNNs with fixed (untrained) weights and images labelled by the FP32 network itself, so FP32 accuracy
 * is exactly 1 and any drop is the quantization's: conv 1→4 3×3 ReLU, conv 4→6 3×3 ReLU, average-pool 2×2,
 * dense 12 ReLU, output 3 softmax on 8×8 images; or the article's CNN itself on 12×12 images.
 */
public final class TinyCnn {
    /** Side of the tiny network's images. */
    public static final int SIDE = 8;

    private TinyCnn() {}

    /** The tiny CNN (NCHW, DL4J's stock layers) initialized from {@code seed}, biases small and non-zero. */
    public static MultiLayerNetwork network(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(12).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIDE, SIDE, 1)).build();
        return withBiases(new MultiLayerNetwork(conf), seed);
    }

    /** The article's CNN (channels-last convolutions on oneDNN, as the course trains it) on 12×12 images. */
    public static MultiLayerNetwork articleCnn(long seed) {
        return withBiases(ArticleCnn.builder().seed(seed).inputSize(12).build(), seed);
    }

    /** {@code n} seeded images in [0, 1] of the network's input side, {@code [n, 1, side, side]}. */
    public static INDArray images(int n, int side, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, 1, side, side);
    }

    /** Images labelled one-hot by the network's own predictions, in batches, as a resettable iterator. */
    public static DataSetIterator selfLabelled(MultiLayerNetwork net, INDArray images, int batchSize) {
        INDArray probabilities = net.output(images, false);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, probabilities.shape());
        INDArray argmax = probabilities.argMax(1);
        for (int i = 0; i < images.size(0); i++) {
            labels.putScalar(i, argmax.getInt(i), 1f);
        }
        List<DataSet> batches = new ArrayList<>();
        for (int from = 0; from < images.size(0); from += batchSize) {
            int to = (int) Math.min(images.size(0), from + batchSize);
            batches.add(new DataSet(rows(images, from, to), rows(labels, from, to)));
        }
        return new ExistingDataSetIterator(batches);
    }

    /** Rows {@code from..to} (axis 0) of {@code a}, as a copy. */
    public static INDArray rows(INDArray a, long from, long to) {
        INDArrayIndex[] index = new INDArrayIndex[a.rank()];
        index[0] = NDArrayIndex.interval(from, to);
        for (int d = 1; d < index.length; d++) {
            index[d] = NDArrayIndex.all();
        }
        return a.get(index).dup();
    }

    private static MultiLayerNetwork withBiases(MultiLayerNetwork net, long seed) {
        net.init();
        Nd4j.getRandom().setSeed(seed);
        for (int i = 0; i < net.getnLayers(); i++) {
            INDArray b = net.getLayer(i).getParam("b");
            if (b != null) {
                net.getLayer(i).setParam("b", Nd4j.rand(DataType.FLOAT, b.shape()).subi(0.3).muli(0.1));
            }
        }
        return net;
    }
}
