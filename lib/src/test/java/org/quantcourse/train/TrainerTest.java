package org.quantcourse.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class TrainerTest {

    /** Parameters of two runs with the same seeds may differ by float rounding of parallel sums at most. */
    private static final double REPRODUCIBILITY_TOLERANCE = 1e-5;
    private static final double RATE_TOLERANCE = 1e-9;

    @Test
    void lossFallsAndTestAccuracyRisesOnLearnablePatterns() {
        MultiLayerNetwork net = ArticleCnn.builder().updater(Updaters.momentum(0.01, 0.9)).build();
        TrainingHistory history = Trainer.builder().epochs(3).batchSize(32).build()
                .fit(net, SyntheticDigits.iterator(640, 32, 1), SyntheticDigits.iterator(200, 50, 2));
        Table table = history.table();
        assertTrue(table.doubleColumn(TrainingHistory.LOSS).get(2) < table.doubleColumn(TrainingHistory.LOSS).get(0));
        assertTrue(history.finalTestAccuracy() > 0.9, history.summary());
        assertFalse(history.interrupted());
    }

    @Test
    void historyHasOneRowPerEpochWithTheDocumentedColumns() {
        TrainingHistory history = Trainer.builder().epochs(2).batchSize(64).trainAccuracy(true).build()
                .fit(ArticleCnn.builder().build(), SyntheticDigits.iterator(128, 64, 1),
                        SyntheticDigits.iterator(64, 64, 2));
        assertEquals(List.of(TrainingHistory.EPOCH, TrainingHistory.LOSS, TrainingHistory.TRAIN_ACCURACY,
                TrainingHistory.TEST_ACCURACY, TrainingHistory.LEARNING_RATE, TrainingHistory.SECONDS,
                TrainingHistory.IMAGES_PER_SECOND), history.table().columnNames());
        assertEquals(List.of(1, 2), history.table().intColumn(TrainingHistory.EPOCH).asList());
        assertTrue(history.table().doubleColumn(TrainingHistory.IMAGES_PER_SECOND).min() > 0);
        assertEquals(2, history.completedEpochs());
    }

    @Test
    void withoutTestDataThereIsNoAccuracyColumn() {
        TrainingHistory history = Trainer.builder().epochs(1).build()
                .fit(ArticleCnn.builder().build(), SyntheticDigits.iterator(64, 64, 1));
        assertFalse(history.table().containsColumn(TrainingHistory.TEST_ACCURACY));
        assertTrue(Double.isNaN(history.finalTestAccuracy()));
    }

    @Test
    void sameSeedsAndDataGiveTheSameModel() {
        Trainer trainer = Trainer.builder().epochs(2).batchSize(32).seed(9).build();
        MultiLayerNetwork first = ArticleCnn.builder().seed(4).build();
        MultiLayerNetwork second = ArticleCnn.builder().seed(4).build();
        trainer.fit(first, SyntheticDigits.iterator(128, 32, 3));
        trainer.fit(second, SyntheticDigits.iterator(128, 32, 3));
        double difference = first.params().sub(second.params()).amaxNumber().doubleValue();
        assertTrue(difference <= REPRODUCIBILITY_TOLERANCE, "max difference " + difference);
    }

    @Test
    void scheduleSetsTheLearningRateAtEveryEpoch() {
        EpochSchedule schedule = EpochSchedule.step(0.02, 0.5, 1);
        MultiLayerNetwork net = ArticleCnn.builder().build();
        TrainingHistory history = Trainer.builder().epochs(3).schedule(schedule).build()
                .fit(net, SyntheticDigits.iterator(64, 64, 1));
        List<Double> rates = history.table().doubleColumn(TrainingHistory.LEARNING_RATE).asList();
        for (int epoch = 0; epoch < 3; epoch++) {
            assertEquals(schedule.rate(epoch, 3), rates.get(epoch), RATE_TOLERANCE);
        }
        assertEquals(0.005, net.getLearningRate(3), RATE_TOLERANCE);
    }

    @Test
    void progressCountsTheTrainersBatchesAndKnowsTheirNumberAfterTheFirstEpoch() {
        List<Progress> progress = new ArrayList<>();
        Trainer.builder().epochs(2).batchSize(64).listener(progress::add).build()
                .fit(ArticleCnn.builder().build(), SyntheticDigits.iterator(200, 10, 1));
        assertEquals(List.of(1, 2, 3, 4, 1, 2, 3, 4), progress.stream().map(Progress::batch).toList());
        assertEquals(-1, progress.get(0).batches());
        assertEquals(4, progress.get(4).batches());
        assertTrue(Double.isNaN(progress.get(0).etaSeconds()) && progress.get(4).etaSeconds() >= 0);
    }

    @Test
    void interruptFromAnotherThreadStopsBetweenBatchesAndKeepsTheModelUsable() throws Exception {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        CountDownLatch thirdBatch = new CountDownLatch(1);
        List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<TrainingHistory> result = new AtomicReference<>();
        AtomicBoolean flagLeftSet = new AtomicBoolean(true);
        Trainer trainer = Trainer.builder().epochs(2).batchSize(16).listener(p -> {
            batches.add(p.batch());
            if (batches.size() == 3) {
                thirdBatch.countDown();
                waitUntilInterrupted();
            }
        }).build();
        Thread training = new Thread(() -> {
            result.set(trainer.fit(net, SyntheticDigits.iterator(320, 16, 1)));
            flagLeftSet.set(Thread.currentThread().isInterrupted());
        });
        training.start();
        assertTrue(thirdBatch.await(60, TimeUnit.SECONDS));
        training.interrupt();
        training.join(60_000);
        assertTrue(result.get().interrupted());
        assertEquals(List.of(1, 2, 3), batches);
        assertEquals(0, result.get().completedEpochs());
        assertEquals("interrupted before the first of 2 epochs finished", result.get().summary());
        assertFalse(flagLeftSet.get(), "the interrupt is consumed so the notebook can go on");
        assertFalse(net.output(SyntheticDigits.all(4, 1).getFeatures()).isNaN().any());
    }

    @Test
    void flatFeaturesAreRejectedWithTheExpectedShapeAndAReshapeHint() {
        DataSet flat = SyntheticDigits.all(8, 1);
        flat.setFeatures(flat.getFeatures().reshape(8, 784));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitOnce(flat));
        assertTrue(e.getMessage().contains("[8, 784]") && e.getMessage().contains("[batch, 1, 28, 28]"), e.getMessage());
        assertTrue(e.getMessage().contains("reshape(8, 1, 28, 28)"), e.getMessage());
    }

    @Test
    void labelsOfTheWrongWidthAreRejected() {
        DataSet indices = SyntheticDigits.all(8, 1);
        indices.setLabels(Nd4j.zeros(DataType.FLOAT, 8, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitOnce(indices));
        assertTrue(e.getMessage().contains("one-hot") && e.getMessage().contains("[8, 10]"), e.getMessage());
    }

    @Test
    void labelsOutsideOneHotAreRejected() {
        DataSet wrong = SyntheticDigits.all(8, 1);
        wrong.getLabels().putScalar(3, 2, 12f);
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> fitOnce(wrong));
        assertTrue(range.getMessage().contains("outside [0, 1]"), range.getMessage());
        DataSet empty = SyntheticDigits.all(8, 1);
        empty.getLabels().getRow(5).assign(0);
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> fitOnce(empty));
        assertTrue(rows.getMessage().contains("one-hot"), rows.getMessage());
    }

    @Test
    void emptyDatasetIsAnError() {
        DataSetIterator nothing = new ListDataSetIterator<>(new ArrayList<DataSet>(), 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().epochs(1).build().fit(ArticleCnn.builder().build(), nothing));
        assertTrue(e.getMessage().contains("no examples"), e.getMessage());
    }

    @Test
    void nanLossStopsWithEpochBatchAndAHint() {
        List<DataSet> batches = new ArrayList<>(List.of(SyntheticDigits.all(16, 1), SyntheticDigits.all(16, 2)));
        batches.get(1).getFeatures().putScalar(new long[] {0, 0, 5, 5}, Float.NaN);
        List<Throwable> failures = new ArrayList<>();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> Trainer.builder()
                .epochs(1).batchSize(16).listener(new FailureRecorder(failures)).build()
                .fit(ArticleCnn.builder().build(), new ExistingDataSetIterator(batches)));
        assertEquals(1, e.epoch());
        assertEquals(2, e.batch());
        assertTrue(e.getMessage().contains("epoch 1, batch 2") && e.getMessage().contains("lower learning rate"),
                e.getMessage());
        assertEquals(List.of(e), failures);
    }

    @Test
    void hugeLearningRateDivergesWithAClearError() {
        MultiLayerNetwork net = ArticleCnn.builder().learningRate(1e6).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Trainer.builder().epochs(3).batchSize(16).build().fit(net, SyntheticDigits.iterator(64, 16, 1)));
        assertTrue(e.getMessage().contains("learning rate 1.000e+06"), e.getMessage());
    }

    @Test
    void iteratorThatCannotBeResetIsRejectedForASecondEpoch() {
        DataSetIterator once = new ExistingDataSetIterator(List.of(SyntheticDigits.all(16, 1)).iterator());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().epochs(2).build().fit(ArticleCnn.builder().build(), once));
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
    }

    @Test
    void uninitializedNetworkAndBadSettingsAreRejected() {
        MultiLayerNetwork raw = new MultiLayerNetwork(ArticleCnn.builder().configuration());
        assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().build().fit(raw, SyntheticDigits.iterator(8, 8, 1)));
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().epochs(0));
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().batchSize(0));
    }

    private static void fitOnce(DataSet batch) {
        Trainer.builder().epochs(1).batchSize(batch.numExamples()).build()
                .fit(ArticleCnn.builder().build(), new ExistingDataSetIterator(List.of(batch)));
    }

    private static void waitUntilInterrupted() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Records the failures it is told about. */
    private record FailureRecorder(List<Throwable> failures) implements TrainingListener {
        @Override
        public void onBatch(Progress progress) {
        }

        @Override
        public void onFailure(Throwable cause) {
            failures.add(cause);
        }
    }
}
