package org.quantcourse.qat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.eval.RandomLogits;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.quantcourse.dl4jfix.Dl4jFixes;
import org.quantcourse.train.ArticleCnn;
import org.quantcourse.train.ModelCache;
import org.quantcourse.train.TrainedModel;
import org.quantcourse.train.Trainer;
import org.quantcourse.train.Updaters;

class DistillationTest {

    /** Central differences in FLOAT with step 1e-2 on a summed loss of a few examples. */
    private static final double NUMERICAL_GRADIENT_TOLERANCE = 2e-3;
    /** FLOAT rounding of losses and gradients of order 1. */
    private static final double FLOAT_TOLERANCE = 1e-4;
    private static final int BATCH = 6;
    private static final int CLASSES = 10;

    private static MultiLayerNetwork teacher;

    @BeforeAll
    static void train() {
        teacher = QatFixtures.trainedCnn();
    }

    @ParameterizedTest(name = "T={0}, alpha={1}")
    @CsvSource({"1, 0", "1, 1", "2, 0.5", "4, 0.9", "8, 1"})
    void theLossFunctionsGradientMatchesCentralDifferencesOfItsScore(double temperature, double alpha) {
        DistillationLossFunction loss = DistillationLossFunction.of(temperature, alpha, "t");
        INDArray student = RandomLogits.gaussian(BATCH, CLASSES, 1);
        INDArray labels = Nd4j.hstack(RandomLogits.oneHot(BATCH, CLASSES, 2), RandomLogits.gaussian(BATCH, CLASSES, 3));
        INDArray analytic = loss.computeGradient(labels, student, new ActivationSoftmax(), null);
        double h = 1e-2;
        for (int i = 0; i < BATCH; i++) {
            for (int k = 0; k < CLASSES; k++) {
                double plus = loss.computeScore(labels, RandomLogits.shifted(student, i, k, h), new ActivationSoftmax(), null, false);
                double minus = loss.computeScore(labels, RandomLogits.shifted(student, i, k, -h), new ActivationSoftmax(), null, false);
                assertEquals((plus - minus) / (2 * h), analytic.getDouble(i, k), NUMERICAL_GRADIENT_TOLERANCE,
                        "d loss / d z[" + i + "," + k + "]");
            }
        }
    }

    @Test
    void theTSquaredFactorKeepsTheSoftGradientOfOrderOneAsTGrows() {
        INDArray student = RandomLogits.gaussian(BATCH, CLASSES, 1);
        INDArray teacherLogits = RandomLogits.gaussian(BATCH, CLASSES, 3);
        INDArray labels = Nd4j.hstack(RandomLogits.oneHot(BATCH, CLASSES, 2), teacherLogits);
        double temperature = 1000;
        INDArray gradient = DistillationLossFunction.of(temperature, 1, "t")
                .computeGradient(labels, student, new ActivationSoftmax(), null);
        INDArray difference = student.sub(teacherLogits);
        INDArray limit = difference.subColumnVector(difference.mean(true, 1)).divi(CLASSES);
        assertEquals(0, gradient.sub(limit).amaxNumber().doubleValue(), 0.02 * limit.amaxNumber().doubleValue(),
                "T²·KL's gradient tends to (s − t − mean)/K: without T² it would shrink as 1/T²");
        double kl = DistillationLossFunction.of(temperature, 1, "t")
                .computeScore(labels, student, new ActivationSoftmax(), null, true) / (temperature * temperature);
        assertTrue(kl < 1e-3, "the KL itself vanishes as 1/T²: " + kl);
    }

    @Test
    void alphaZeroIsPlainCrossEntropyInScoreAndGradient() {
        INDArray student = RandomLogits.gaussian(BATCH, CLASSES, 1);
        INDArray y = RandomLogits.oneHot(BATCH, CLASSES, 2);
        INDArray labels = Nd4j.hstack(y, RandomLogits.gaussian(BATCH, CLASSES, 3));
        DistillationLossFunction distillation = DistillationLossFunction.of(4, 0, "t");
        LossMCXENT crossEntropy = new LossMCXENT();
        assertEquals(crossEntropy.computeScore(y, student, new ActivationSoftmax(), null, true),
                distillation.computeScore(labels, student, new ActivationSoftmax(), null, true), FLOAT_TOLERANCE);
        assertEquals(0, crossEntropy.computeGradient(y, student, new ActivationSoftmax(), null)
                .sub(distillation.computeGradient(labels, student, new ActivationSoftmax(), null))
                .amaxNumber().doubleValue(), FLOAT_TOLERANCE);
    }

    @Test
    void inANetworkAlphaZeroGivesTheCrossEntropyGradientOfEveryParameter() {
        MultiLayerNetwork net = ArticleCnn.builder().seed(3).build();
        MultiLayerNetwork distilled = Distillation.from(teacher).alpha(0).withLoss(net);
        DataSet batch = QatFixtures.batch(8);
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        DataSet augmented = batch.copy();
        Distillation.from(teacher).targets().preProcess(augmented);
        distilled.setInput(augmented.getFeatures());
        distilled.setLabels(augmented.getLabels());
        distilled.computeGradientAndScore();
        assertEquals(net.score(), distilled.score(), FLOAT_TOLERANCE);
        INDArray g = net.gradient().gradient();
        assertEquals(0, g.sub(distilled.gradient().gradient()).amaxNumber().doubleValue(),
                1e-4 * g.amaxNumber().doubleValue());
    }

    @Test
    void teacherTargetsAppendTheLogitsWhoseSoftmaxIsTheTeachersOutput() {
        DataSet batch = QatFixtures.batch(8);
        INDArray oneHot = batch.getLabels().dup();
        Distillation.from(teacher).targets().preProcess(batch);
        assertEquals(2 * CLASSES, batch.getLabels().columns());
        assertEquals(oneHot, batch.getLabels().getColumns(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        INDArray logits = Distillation.from(teacher).teacherLogits(batch.getFeatures());
        INDArray softmax = Transforms.softmax(logits, true);
        assertEquals(0, softmax.sub(teacher.output(batch.getFeatures())).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void aDistilledQatStudentTrainsSerialisesAndReloadsFromTheCache(@TempDir Path dir) throws Exception {
        ModelCache cache = ModelCache.at(dir);
        Distillation distillation = Distillation.from(teacher);
        QatTraining qat = QatTraining.of(QatSpec.weights(2)).epochs(1);
        TrainedModel trained = distillation.fineTune(teacher, qat, QatFixtures.split(), cache);
        assertFalse(trained.fromCache());
        assertTrue(Double.isFinite(trained.history().table().doubleColumn("loss").get(0)));
        TrainedModel again = distillation.fineTune(teacher, qat, QatFixtures.split(), cache);
        assertTrue(again.fromCache());
        INDArray x = QatFixtures.features(16);
        assertEquals(trained.network().output(x), again.network().output(x));
        assertEquals(lossOf(trained.network()), lossOf(again.network()));
        MultiLayerNetwork reloaded = Dl4jFixes.restore(trained.file().toFile(), false);
        assertEquals(DistillationLossFunction.of(4, 0.9, distillation.teacherFingerprint()), lossOf(reloaded));
    }

    @Test
    void aSmallFp32StudentDistilsFromScratchAndLearns(@TempDir Path dir) {
        MultiLayerNetwork small = ArticleCnn.builder().widths(4, 8, 16).seed(5).updater(
                Updaters.adam(5e-3)).build();
        Trainer trainer = Trainer.builder().epochs(2).batchSize(32).seed(1).build();
        TrainedModel student = Distillation.from(teacher).train(small, trainer, QatFixtures.split(), ModelCache.at(dir));
        double accuracy = student.network().evaluate(QatFixtures.split().test().iterator(50, 1)).accuracy();
        assertTrue(accuracy > 0.5, "a distilled 4-8-16 student learns the squares: " + accuracy);
    }

    @Test
    void theCacheKeyChangesWithTemperatureAlphaAndTeacher() {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        String base = json(Distillation.from(teacher).withLoss(net));
        assertNotEquals(base, json(Distillation.from(teacher).temperature(2).withLoss(net)));
        assertNotEquals(base, json(Distillation.from(teacher).alpha(0.5).withLoss(net)));
        assertNotEquals(base, json(Distillation.from(net).withLoss(net)));
        assertArrayEquals(net.params().toFloatVector(), Distillation.from(teacher).withLoss(net).params().toFloatVector());
    }

    @Test
    void wrongLabelsAndSettingsAreClearErrors() {
        DistillationLossFunction loss = DistillationLossFunction.of(4, 0.9, "t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss.computeGradient(
                RandomLogits.oneHot(BATCH, CLASSES, 2), RandomLogits.gaussian(BATCH, CLASSES, 1), new ActivationSoftmax(), null));
        assertTrue(e.getMessage().contains("teacher"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Distillation.from(teacher).temperature(0));
        assertThrows(IllegalArgumentException.class, () -> Distillation.from(teacher).alpha(1.5));
        assertThrows(IllegalArgumentException.class, () -> Distillation.from(null));
        assertThrows(IllegalArgumentException.class, () -> DistillationLossFunction.of(4, 0.9, " "));
    }

    private static DistillationLossFunction lossOf(MultiLayerNetwork net) {
        return (DistillationLossFunction) ((BaseOutputLayer) net.getLayerWiseConfigurations()
                .getConf(net.getnLayers() - 1).getLayer()).getLossFn();
    }

    private static String json(MultiLayerNetwork net) {
        return net.getLayerWiseConfigurations().toJson();
    }
}
