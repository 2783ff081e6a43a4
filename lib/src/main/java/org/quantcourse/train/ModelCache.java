package org.quantcourse.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.dl4jfix.Dl4jFixes;
import org.quantcourse.io.AtomicFile;
import org.quantcourse.io.ExclusiveLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Trained models stored on disk, keyed by {@link CacheKey}, so later notebooks load a model instead of retraining
 * it; the course's cache is {@code CourseModel.cache()}. Retraining is forced by {@link #retrain(boolean)}. Files
 * are written to a temporary name and moved into place; an unreadable cached file is retrained and replaced. Two
 * kernels that miss the same model take turns under an {@link ExclusiveLock}: the second loads what the first trained.
 */
public final class ModelCache {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);

    /** Where notices for the student go (the cell's output in a notebook); tests replace it. */
    static Consumer<String> notices = System.out::println;

    private final Path directory;
    private final boolean retrain;
    private final String origin;

    private ModelCache(Path directory, boolean retrain, String origin) {
        this.directory = directory.toAbsolutePath().normalize();
        this.retrain = retrain;
        this.origin = origin;
    }

    /** A cache in {@code directory} (created when the first model is stored). */
    public static ModelCache at(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("The model cache directory must not be null.");
        }
        return new ModelCache(directory, false, "given to ModelCache.at");
    }

    /** A cache in {@code directory}; {@code origin} says why there, for the student's notices. */
    public static ModelCache at(Path directory, String origin) {
        if (directory == null || origin == null) {
            throw new IllegalArgumentException("The model cache directory and its origin must not be null.");
        }
        return new ModelCache(directory, false, origin);
    }

    /** The same cache, but always retraining (and replacing the stored model) when {@code force} is true. */
    public ModelCache retrain(boolean force) {
        return new ModelCache(directory, force, origin);
    }

    /** Where models are looked for and why there, and how to point the course at another folder. */
    public String whereLooked() {
        return "Trained models are looked for in " + directory + " (" + origin + "). To use models trained elsewhere"
                + " (e.g. the course's build/models), set COURSE_MODEL_DIR=/path/to/models (or -Dcourse.modelDir=...)"
                + " before starting Jupyter.";
    }

    /** The cache directory. */
    public Path directory() {
        return directory;
    }

    /** Whether models are retrained even when stored. */
    public boolean forcesRetraining() {
        return retrain;
    }

    /** Whether a model is stored for {@code key}. */
    public boolean contains(CacheKey key) {
        return Files.isRegularFile(modelFile(key));
    }

    /** Loads the model stored for the key of ({@code net}, {@code trainer}, data), or trains and stores it. */
    public TrainedModel getOrTrain(MultiLayerNetwork net, Trainer trainer, String dataFingerprint,
            DataSetIterator train) {
        return getOrTrain(net, trainer, dataFingerprint, train, null);
    }

    /**
     * Loads the model stored for the key of ({@code net}, {@code trainer}, data), or trains {@code net} with
     * {@code trainer.fit(net, train, test)} and stores it. Use the returned network: on a cache hit it is a loaded
     * copy and {@code net} stays untrained. An interrupted training is returned but not stored.
     */
    public TrainedModel getOrTrain(MultiLayerNetwork net, Trainer trainer, String dataFingerprint,
            DataSetIterator train, DataSetIterator test) {
        CacheKey key = CacheKey.of(net, trainer, dataFingerprint);
        TrainedModel cached = stored(key);
        if (cached != null) {
            return cached;
        }
        requireWritableDirectory();
        try (ExclusiveLock lock = ExclusiveLock.acquire(lockFile(key), () -> notices.accept(
                "Another kernel is training this model into " + directory + " right now; waiting for it ..."))) {
            TrainedModel storedMeanwhile = stored(key);
            return storedMeanwhile != null ? storedMeanwhile : train(key, net, trainer, train, test);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + lockFile(key) + " to train the model: " + e.getMessage()
                    + ". Make the model directory writable, or set COURSE_MODEL_DIR to another folder.", e);
        }
    }

    /** The stored model for {@code key}, or null when there is none, it is unreadable, or retraining is forced. */
    private TrainedModel stored(CacheKey key) {
        return !forcesRetraining() && contains(key) ? load(key) : null;
    }

    private TrainedModel train(CacheKey key, MultiLayerNetwork net, Trainer trainer, DataSetIterator train,
            DataSetIterator test) {
        if (!forcesRetraining()) {
            notices.accept("No stored model for this network, training settings and data. " + whereLooked()
                    + " Training it now; it is stored there for the next notebooks.");
        }
        TrainingHistory history = trainer.fit(net, train, test);
        Path file = history.interrupted() ? null : store(key, net, history);
        return new TrainedModel(net, history, false, key, file);
    }

    private TrainedModel load(CacheKey key) {
        try {
            MultiLayerNetwork net = Dl4jFixes.restore(modelFile(key).toFile(), true);
            Table table = Table.read().csv(CsvReadOptions.builder(historyFile(key).toFile())
                    .columnTypes(name -> TrainingHistory.EPOCH.equals(name) ? ColumnType.INTEGER : ColumnType.DOUBLE)
                    .tableName("Training history"));
            TrainingHistory history = new TrainingHistory(table, table.rowCount(), false);
            return new TrainedModel(net, history, true, key, modelFile(key));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The cached model {} cannot be read ({}); retraining and replacing it.", modelFile(key), e.toString());
            return null;
        }
    }

    private Path store(CacheKey key, MultiLayerNetwork net, TrainingHistory history) {
        try {
            AtomicFile.write(describeFile(key), tmp -> Files.writeString(tmp, description(key, net),
                    StandardCharsets.UTF_8));
            AtomicFile.write(historyFile(key), tmp -> history.table().write().csv(tmp.toFile()));
            AtomicFile.write(modelFile(key), tmp -> ModelSerializer.writeModel(net, tmp.toFile(), true));
            return modelFile(key);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("The trained model could not be stored in {} ({}); it is returned but not cached.", directory,
                    e.toString());
            return null;
        }
    }

    private void requireWritableDirectory() {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".probe", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new UncheckedIOException(new IOException("Cannot store trained models in " + directory + " ("
                    + e + "). Make it writable, or choose another directory: ModelCache.at(path), or for the course's"
                    + " cache -Dcourse.modelDir=/some/dir (COURSE_MODEL_DIR).", e));
        }
    }

    private static String description(CacheKey key, MultiLayerNetwork net) {
        return "key: " + key.hash() + "\ntrainer: " + key.trainerSettings() + "\ndata: " + key.dataFingerprint()
                + "\nparameters: " + net.numParams() + "\nstored: " + Instant.now() + "\n";
    }

    Path modelFile(CacheKey key) {
        return directory.resolve(key.hash() + ".zip");
    }

    private Path lockFile(CacheKey key) {
        return directory.resolve(key.hash() + ".lock");
    }

    private Path historyFile(CacheKey key) {
        return directory.resolve(key.hash() + ".history.csv");
    }

    private Path describeFile(CacheKey key) {
        return directory.resolve(key.hash() + ".txt");
    }
}
