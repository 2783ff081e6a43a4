package org.quantcourse.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/** Each from-scratch optimizer moves the parameters exactly as the matching DL4J updater, step for step. */
class Dl4jEquivalenceTest {

    /** Largest allowed |ours − DL4J| per parameter, relative to max(1, |DL4J|): FLOAT rounding only. */
    private static final double PARAM_TOLERANCE = 1e-5;
    private static final int SAMPLES_PER_CLASS = 30;
    private static final int DIMENSION = 12;
    private static final int EPOCHS = 3;
    private static final long SEED = 20240611L;

    private record Recorded(int epoch, int[] batch, INDArray params) {
    }

    static Stream<Arguments> optimizerPairs() {
        return Stream.of(
                Arguments.of("full-batch GD = Sgd", GradientDescent.of(0.5), new Sgd(0.5)),
                Arguments.of("SGD = Sgd, batch 1", StochasticGradientDescent.of(0.05, SEED), new Sgd(0.05)),
                Arguments.of("mini-batch = Sgd, batch 16", MiniBatchGradientDescent.of(16, 0.2, SEED), new Sgd(0.2)),
                Arguments.of("Nesterov = Nesterovs, batch 8", Momentum.nesterov(8, 0.1, 0.9, SEED), new Nesterovs(0.1, 0.9)),
                Arguments.of("Nesterov full batch = Nesterovs", Momentum.nesterov(Optimizer.FULL_BATCH, 0.3, 0.8, SEED),
                        new Nesterovs(0.3, 0.8)),
                Arguments.of("step decay per epoch = StepSchedule",
                        MiniBatchGradientDescent.of(10, RateSchedule.stepDecay(0.4, 0.5, 1, ScheduleUnit.EPOCH), SEED),
                        new Sgd(new StepSchedule(ScheduleType.EPOCH, 0.4, 0.5, 1))),
                Arguments.of("exponential decay per iteration = ExponentialSchedule",
                        MiniBatchGradientDescent.of(7, RateSchedule.exponentialDecay(0.3, 0.9, ScheduleUnit.ITERATION), SEED),
                        new Sgd(new ExponentialSchedule(ScheduleType.ITERATION, 0.3, 0.9))),
                Arguments.of("inverse-time decay per iteration = InverseSchedule",
                        StochasticGradientDescent.of(RateSchedule.inverseTimeDecay(0.1, 0.05, 0.75, ScheduleUnit.ITERATION), SEED),
                        new Sgd(new InverseSchedule(ScheduleType.ITERATION, 0.1, 0.05, 0.75))),
                Arguments.of("Nesterov with exponential decay per epoch",
                        Momentum.nesterov(16, RateSchedule.exponentialDecay(0.2, 0.7, ScheduleUnit.EPOCH), 0.9, SEED),
                        new Nesterovs(new ExponentialSchedule(ScheduleType.EPOCH, 0.2, 0.7), 0.9)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizerPairs")
    void fromScratchOptimizerMatchesDl4jUpdaterStepForStep(String name, Optimizer ours, IUpdater theirs) {
        BinaryProblem data = BinaryProblem.gaussianBlobs(SAMPLES_PER_CLASS, DIMENSION, 3.0, SEED);
        LogisticRegression start = LogisticRegression.random(DIMENSION, 0.3, SEED);
        List<Recorded> recorded = new ArrayList<>();
        ours.run(start, data, EPOCHS, (it, epoch, batch, model) -> recorded.add(new Recorded(epoch, batch, model.params())));

        MultiLayerNetwork net = logisticNetwork(theirs);
        net.setParams(start.params());
        int epoch = 0;
        for (Recorded step : recorded) {
            for (; epoch < step.epoch(); epoch++) {
                net.incrementEpochCount();
            }
            BinaryProblem batch = data.rows(step.batch());
            net.fit(new DataSet(batch.features(), batch.labels()));
            assertParamsClose(net.params(), step.params(), name + ", update " + net.getIterationCount());
        }
        assertEquals(EPOCHS - 1, net.getEpochCount());
        assertTrue(recorded.size() >= EPOCHS, "every epoch made at least one update");
    }

    private static MultiLayerNetwork logisticNetwork(IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(SEED)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(DIMENSION).nOut(1).activation(Activation.SIGMOID).build())
                .build());
        net.init();
        return net;
    }

    private static void assertParamsClose(INDArray dl4j, INDArray ours, String where) {
        float[] expected = dl4j.castTo(DataType.FLOAT).toFloatVector();
        float[] actual = ours.castTo(DataType.FLOAT).toFloatVector();
        assertEquals(expected.length, actual.length, where + ": parameter count");
        for (int i = 0; i < expected.length; i++) {
            double allowed = PARAM_TOLERANCE * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], allowed, where + ": parameter " + i);
        }
    }
}
