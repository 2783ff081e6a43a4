package org.quantcourse.data;

import java.util.List;
import java.util.NoSuchElementException;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Seeded, reshuffled-every-epoch mini-batches of an {@link ImageDataset}, as a DL4J iterator. */
final class ImageBatchIterator implements DataSetIterator {

    private final ImageDataset data;
    private final int batchSize;
    private final long seed;
    private final Layout layout;
    private int epoch;
    private int[] order;
    private int cursor;
    private DataSetPreProcessor preProcessor;

    ImageBatchIterator(ImageDataset data, int batchSize, long seed, Layout layout) {
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.layout = layout;
        this.order = orderOfEpoch(0);
    }

    /** Order of epoch {@code e}: {@link Permutations#forEpoch}. */
    private int[] orderOfEpoch(int e) {
        return Permutations.forEpoch(data.size(), seed, e);
    }

    /** Index of the current epoch, 0 for the first; used by tests and progress output. */
    int epoch() {
        return epoch;
    }

    @Override
    public boolean hasNext() {
        return cursor < data.size();
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " of " + data.name() + " is over; call reset()");
        }
        int end = Math.min(cursor + num, data.size());
        DataSet batch = new DataSet(data.features(order, cursor, end, layout), data.labelsOneHot(order, cursor, end));
        cursor = end;
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    /** Starts the next epoch with a new order (does nothing if no batch of this epoch was taken yet). */
    @Override
    public void reset() {
        if (cursor > 0) {
            epoch++;
            order = orderOfEpoch(epoch);
        }
        cursor = 0;
    }

    @Override
    public int inputColumns() {
        return data.rows() * data.cols();
    }

    @Override
    public int totalOutcomes() {
        return data.numClasses();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return data.classNames();
    }
}
