package org.quantcourse.eval;

import java.util.Arrays;
import java.util.function.Consumer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** One pass over a data-set iterator from its start, checking each batch's features and labels agree. */
final class DataPass {

    private DataPass() {
    }

    /**
     * Resets {@code data} if it can, then hands every batch to {@code action}, cut into pieces of at most
     * {@link Predictor#CHUNK_ROWS} rows (views, no copy).
     */
    static void forEach(DataSetIterator data, Consumer<DataSet> action) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        if (data.resetSupported()) {
            data.reset();
        }
        while (data.hasNext()) {
            DataSet batch = requireConsistent(data.next());
            long rows = batch.getFeatures().size(0);
            for (long start = 0; start < rows; start += Predictor.CHUNK_ROWS) {
                action.accept(rows <= Predictor.CHUNK_ROWS ? batch
                        : rowsOf(batch, start, Math.min(rows, start + Predictor.CHUNK_ROWS)));
            }
        }
    }

    private static DataSet rowsOf(DataSet batch, long start, long end) {
        return new DataSet(batch.getFeatures().get(NDArrayIndex.interval(start, end)),
                batch.getLabels().get(NDArrayIndex.interval(start, end)));
    }

    private static DataSet requireConsistent(DataSet batch) {
        if (batch.getFeatures() == null || batch.getLabels() == null) {
            throw new IllegalArgumentException("every batch needs both features and labels");
        }
        long featureRows = batch.getFeatures().size(0);
        long labelRows = batch.getLabels().size(0);
        if (featureRows != labelRows) {
            throw new IllegalArgumentException("a batch has " + featureRows + " feature rows but " + labelRows
                    + " label rows (features " + Arrays.toString(batch.getFeatures().shape()) + ", labels "
                    + Arrays.toString(batch.getLabels().shape()) + "); they must match");
        }
        return batch;
    }

    /** Rejects a pass that saw no sample. */
    static void requireSamples(long samples) {
        if (samples == 0) {
            throw new IllegalArgumentException("the data set is empty: evaluation needs at least one sample");
        }
    }
}
