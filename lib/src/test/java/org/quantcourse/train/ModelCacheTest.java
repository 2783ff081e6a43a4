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
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantcourse.dl4jfix.OneDnn;

class ModelCacheTest {

    private static final String DATA = "synthetic-digits-96-seed1";

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
