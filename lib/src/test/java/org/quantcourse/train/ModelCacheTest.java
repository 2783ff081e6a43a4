package org.quantcourse.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantcourse.dl4jfix.OneDnn;

class ModelCacheTest {

    private static final String DATA = "synthetic-digits-96-seed1";
    private static final long LOCK_WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void secondRequestLoadsTheStoredModelInsteadOfRetraining() {
        ModelCache cache = ModelCache.at(dir);
        Trainer trainer = quickTrainer(new ArrayList<>());
        TrainedModel first = cache.getOrTrain(ArticleCnn.builder().build(), trainer, DATA, data(), test());
        List<Progress> batches = new ArrayList<>();
        TrainedModel second = cache.getOrTrain(ArticleCnn.builder().build(), quickTrainer(batches), DATA, data(), test());
        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertTrue(batches.isEmpty(), "no training on a cache hit");
        assertEquals(first.network().params(), second.network().params());
        assertEquals(first.history().table().doubleColumn(TrainingHistory.LOSS).asList(),
                second.history().table().doubleColumn(TrainingHistory.LOSS).asList());
        assertEquals(first.history().finalTestAccuracy(), second.history().finalTestAccuracy());
        assertTrue(OneDnn.isActive(second.network()), "a loaded model uses oneDNN too");
        assertEquals("ChannelsLastConvHelper", second.network().getLayer(1).getHelper().getClass().getSimpleName());
    }

    @Test
    void keyChangesWithTrainerSettingsDataAndInitialWeights() {
        Trainer trainer = quickTrainer(new ArrayList<>());
        MultiLayerNetwork net = ArticleCnn.builder().build();
        CacheKey key = CacheKey.of(net, trainer, DATA);
        assertEquals(key, CacheKey.of(ArticleCnn.builder().build(), trainer, DATA));
        assertNotEquals(key.hash(), CacheKey.of(net, Trainer.builder().epochs(2).build(), DATA).hash());
        assertNotEquals(key.hash(), CacheKey.of(net, trainer, DATA + "-v2").hash());
        assertNotEquals(key.hash(), CacheKey.of(ArticleCnn.builder().seed(1).build(), trainer, DATA).hash());
        assertNotEquals(key.hash(), CacheKey.of(ArticleCnn.builder().learningRate(0.1).build(), trainer, DATA).hash());
        assertThrows(IllegalArgumentException.class, () -> CacheKey.of(net, trainer, " "));
    }

    @Test
    void retrainSwitchForcesTraining() {
        ModelCache cache = ModelCache.at(dir);
        cache.getOrTrain(ArticleCnn.builder().build(), quickTrainer(new ArrayList<>()), DATA, data());
        assertTrue(cache.retrain(true).forcesRetraining());
        assertFalse(cache.retrain(true).getOrTrain(ArticleCnn.builder().build(), quickTrainer(new ArrayList<>()),
                DATA, data()).fromCache());
        assertTrue(cache.getOrTrain(ArticleCnn.builder().build(), quickTrainer(new ArrayList<>()), DATA, data())
                .fromCache());
    }

    @Test
    void corruptCachedFileIsRetrainedAndReplaced() throws IOException {
        ModelCache cache = ModelCache.at(dir);
        TrainedModel first = cache.getOrTrain(ArticleCnn.builder().build(), quickTrainer(new ArrayList<>()), DATA, data());
        Files.writeString(first.file(), "not a model");
        TrainedModel again = cache.getOrTrain(ArticleCnn.builder().build(), quickTrainer(new ArrayList<>()), DATA, data());
        assertFalse(again.fromCache());
        assertTrue(cache.getOrTrain(ArticleCnn.builder().build(), quickTrainer(new ArrayList<>()), DATA, data())
                .fromCache());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary files are left");
        }
    }

    @Test
    void unwritableDirectoryFailsBeforeTrainingNamingTheDirectoryAndTheWayOut() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        List<Progress> batches = new ArrayList<>();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ModelCache.at(file.resolve("models"))
                .getOrTrain(ArticleCnn.builder().build(), quickTrainer(batches), DATA, data()));
        assertTrue(e.getMessage().contains(file.resolve("models").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("ModelCache.at(path)"), e.getMessage());
        assertTrue(batches.isEmpty());
    }

    @Test
    void interruptedTrainingIsReturnedButNotStored() {
        ModelCache cache = ModelCache.at(dir);
        Trainer interrupting = Trainer.builder().epochs(1).batchSize(32)
                .listener(p -> Thread.currentThread().interrupt()).build();
        TrainedModel model = cache.getOrTrain(ArticleCnn.builder().build(), interrupting, DATA, data());
        assertTrue(model.history().interrupted());
        assertNull(model.file());
        assertFalse(cache.contains(model.key()));
    }

    @Test
    void aMissTellsWhereModelsAreLookedForAndHowToPointElsewhereOnce() {
        List<String> notices = new ArrayList<>();
        ModelCache.notices = notices::add;
        try {
            ModelCache cache = ModelCache.at(dir);
            cache.getOrTrain(ArticleCnn.builder().build(), quickTrainer(new ArrayList<>()), DATA, data());
            cache.getOrTrain(ArticleCnn.builder().build(), quickTrainer(new ArrayList<>()), DATA, data());
        } finally {
            ModelCache.notices = System.out::println;
        }
        assertEquals(1, notices.size(), "one notice for the miss, none for the hit: " + notices);
        assertTrue(notices.get(0).contains(dir.toAbsolutePath().normalize().toString()), notices.get(0));
        assertTrue(notices.get(0).contains("COURSE_MODEL_DIR"), notices.get(0));
        assertTrue(notices.get(0).contains("Training it now"), notices.get(0));
    }

    @Test
    void twoKernelsMissingTheSameModelTrainItOnceAndTheSecondLoadsIt() throws Exception {
        CountDownLatch firstIsTraining = new CountDownLatch(1);
        CountDownLatch secondIsWaiting = new CountDownLatch(1);
        ModelCache.notices = notice -> {
            if (notice.startsWith("Another kernel is training")) {
                secondIsWaiting.countDown();
            }
        };
        try {
            Trainer blocking = Trainer.builder().epochs(1).batchSize(32).listener(p -> {
                firstIsTraining.countDown();
                awaitQuietly(secondIsWaiting);
            }).build();
            List<Progress> secondBatches = new CopyOnWriteArrayList<>();
            CompletableFuture<TrainedModel> first = CompletableFuture.supplyAsync(() ->
                    ModelCache.at(dir).getOrTrain(ArticleCnn.builder().build(), blocking, DATA, data()));
            assertTrue(firstIsTraining.await(LOCK_WAIT_SECONDS, TimeUnit.SECONDS), "the first request trains");
            TrainedModel second = ModelCache.at(dir).getOrTrain(ArticleCnn.builder().build(),
                    quickTrainer(secondBatches), DATA, data());
            assertFalse(first.get(LOCK_WAIT_SECONDS, TimeUnit.SECONDS).fromCache());
            assertTrue(second.fromCache(), "the second request waited and loaded the first one's model");
            assertTrue(secondBatches.isEmpty(), "the model was trained once");
        } finally {
            ModelCache.notices = System.out::println;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(LOCK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Trainer quickTrainer(List<Progress> batches) {
        return Trainer.builder().epochs(1).batchSize(32).listener(batches::add).build();
    }

    private static org.nd4j.linalg.dataset.api.iterator.DataSetIterator data() {
        return SyntheticDigits.iterator(96, 32, 1);
    }

    private static org.nd4j.linalg.dataset.api.iterator.DataSetIterator test() {
        return SyntheticDigits.iterator(32, 32, 2);
    }
}
