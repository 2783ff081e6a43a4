package org.quantcourse.train;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A trained network with its training history, whether it came from the model cache, its cache key and the file
 * it is stored in (null when it was not stored, e.g. after an interrupt). Used in notebooks 04–06.
 */
public record TrainedModel(MultiLayerNetwork network, TrainingHistory history, boolean fromCache, CacheKey key,
        Path file) {
}
