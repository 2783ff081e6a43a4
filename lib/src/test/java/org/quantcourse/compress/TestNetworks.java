package org.quantcourse.compress;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small seeded networks: conv 1->4 3x3, BatchNorm, max-pool 2x2, dense 12, output 10 on 8x8x1 inputs. */
final class TestNetworks {
    static final int SIDE = 8;

    private TestNetworks() {}

    /** The network, initialized with {@code seed}, biases set to small non-zero values. */
    static MultiLayerNetwork small(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER).updater(new Sgd(0.01)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nIn(1).nOut(4).activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new DenseLayer.Builder().nOut(12).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIDE, SIDE, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        SplittableRandom r = new SplittableRandom(seed);
        Nd4j.getRandom().setSeed(seed);
        for (int i : new int[] {0, 3, 4}) {
            INDArray b = net.getLayer(i).getParam("b");
            net.getLayer(i).setParam("b", Nd4j.rand(DataType.FLOAT, b.shape()).subi(0.5).muli(0.1));
        }
        INDArray gamma = net.getLayer(1).getParam("gamma");
        net.getLayer(1).setParam("gamma", gamma.addi(r.nextDouble() * 0.2));
        return net;
    }

    /** A graph: input (64) -> dense 16 relu -> {dense 8 relu, dense 8 tanh} -> merge -> output 10 softmax. */
    static ComputationGraph graph(long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER).graphBuilder().addInputs("in")
                .addLayer("d0", new DenseLayer.Builder().nIn(SIDE * SIDE).nOut(16).activation(Activation.RELU).build(),
                        "in")
                .addLayer("a", new DenseLayer.Builder().nIn(16).nOut(8).activation(Activation.RELU).build(), "d0")
                .addLayer("b", new DenseLayer.Builder().nIn(16).nOut(8).activation(Activation.TANH).build(), "d0")
                .addVertex("merge", new MergeVertex(), "a", "b")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(10)
                        .activation(Activation.SOFTMAX).build(), "merge")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    /** Seeded inputs in [0, 1), shape [n, 1, 8, 8]. */
    static INDArray inputs(long seed, int n) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, 1, SIDE, SIDE);
    }
}
