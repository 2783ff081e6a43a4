package org.quantcourse.course;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.quantcourse.data.DatasetSplit;
import org.quantcourse.train.ArticleCnn;
import org.quantcourse.train.EpochSchedule;
import org.quantcourse.train.ModelCache;
import org.quantcourse.train.TrainedModel;
import org.quantcourse.train.Trainer;
import org.quantcourse.train.TrainingListener;
import org.quantcourse.train.Updaters;

/**
 * The article's CNN trained the two ways the course uses, cached in build/models so that a notebook loads what an
 * earlier one trained: the article's settings (notebooks 01, 04) and the course's improved settings (02, 04–06).
 * Size knobs (course.trainLimit, course.epochs, …) change the cache key, so a small CI run never serves a full one.
 */
public final class CourseModel {

    /** The article's epochs and batch size. */
    public static final int EPOCHS = 10;
    public static final int BATCH_SIZE = 64;
    /** The improved settings: Adam, learning rate 0.002 decayed by a cosine to 0.00005 over the epochs. */
    public static final double IMPROVED_RATE = 0.002;
    public static final double IMPROVED_FINAL_RATE = 0.00005;

    private CourseModel() {
    }

    /** The article's settings: plain SGD, learning rate 0.01, batch 64, 10 epochs; trained once, then cached. */
    public static TrainedModel articleSettings(TrainingListener... listeners) {
        return train(Updaters.sgd(ArticleCnn.ARTICLE_LEARNING_RATE), null, listeners);
    }

    /** The course's model: the same network and data with the improved settings; trained once, then cached. */
    public static TrainedModel trained(TrainingListener... listeners) {
        return train(Updaters.adam(IMPROVED_RATE), EpochSchedule.cosine(IMPROVED_RATE, IMPROVED_FINAL_RATE), listeners);
    }

    /** True when no size knob shrinks the course (all of the sample, 10 epochs): the course's targets apply. */
    public static boolean isFullSize() {
        return CourseSettings.trainLimit(0) == 0 && CourseSettings.testLimit(0) == 0
                && CourseSettings.epochs(EPOCHS) == EPOCHS;
    }

    /** System property naming the course's model cache directory (or environment variable COURSE_MODEL_DIR). */
    public static final String MODEL_DIRECTORY_PROPERTY = "course.modelDir";
    /** System property that, when {@code true}, forces retraining (or environment variable COURSE_RETRAIN). */
    public static final String RETRAIN_PROPERTY = "course.retrain";

    /** The cache the course uses: course.modelDir (or COURSE_MODEL_DIR), else build/models; course.retrain forces training. */
    public static ModelCache cache() {
        String configured = CourseSettings.setting(MODEL_DIRECTORY_PROPERTY, null);
        ModelCache cache = configured != null
                ? ModelCache.at(Path.of(configured), "set by " + MODEL_DIRECTORY_PROPERTY + " (COURSE_MODEL_DIR)")
                : ModelCache.at(ProjectPaths.build().resolve("models"), "build/models of " + ProjectPaths.rootOrigin());
        return cache.retrain(Boolean.parseBoolean(CourseSettings.setting(RETRAIN_PROPERTY, "false")));
    }

    private static TrainedModel train(IUpdater updater, EpochSchedule schedule, TrainingListener... listeners) {
        long seed = CourseSettings.seed();
        DatasetSplit data = CourseData.load();
        MultiLayerNetwork net = ArticleCnn.builder().seed(seed).updater(updater).build();
        Trainer.Builder trainer = Trainer.builder().epochs(CourseSettings.epochs(EPOCHS)).batchSize(BATCH_SIZE).seed(seed);
        if (schedule != null) {
            trainer.schedule(schedule);
        }
        for (TrainingListener listener : listeners) {
            trainer.listener(listener);
        }
        String fingerprint = data.train().fingerprint();
        return cache().getOrTrain(net, trainer.build(), fingerprint, data.train().iterator(BATCH_SIZE, seed),
                data.test().iterator(500, seed));
    }
}
