package org.quantcourse.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.dl4jfix.Dl4jFixes;
import org.quantcourse.io.AtomicFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Trained models stored on disk, keyed by {@link CacheKey}, so later notebooks load a model instead of retraining
 * it; the course's cache is {@code CourseModel.cache()}. Retraining is forced by {@link #retrain(boolean)}. Files
 * are written to a temporary name and moved into place; an unreadable cached file is retrained and replaced.
 * Used in notebooks 04–06.
 */
public final class ModelCache {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);

    private final Path directory;
    private final boolean retrain;

    private ModelCache(Path directory, boolean retrain) {
        this.directory = directory.toAbsolutePath().normalize();
        this.retrain = retrain;
    }

    /** A cache in {@code directory} (created when the first model is stored). */
    public static ModelCache at(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("The model cache directory must not be null.");
        }
        return new ModelCache(directory, false);
    }

    /** The same cache, but always retraining (and replacing the stored model) when {@code force} is true. */
    public ModelCache retrain(boolean force) {
        return new ModelCache(directory, force);
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
        if (!forcesRetraining() && contains(key)) {
            TrainedModel cached = load(key);
            if (cached != null) {
                return cached;
            }
        }
        requireWritableDirectory();
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

    private Path historyFile(CacheKey key) {
        return directory.resolve(key.hash() + ".history.csv");
    }

    private Path describeFile(CacheKey key) {
        return directory.resolve(key.hash() + ".txt");
    }
}
