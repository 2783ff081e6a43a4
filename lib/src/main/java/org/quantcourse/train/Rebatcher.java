package org.quantcourse.train;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Re-cuts the data sets of an iterator into batches of exactly {@code size} examples (the last may be smaller),
 * whatever batch size the iterator uses; batches of the right size pass through without a copy.
 */
final class Rebatcher implements Iterator<DataSet> {

    private final DataSetIterator source;
    private final int size;
    private DataSet pending;

    Rebatcher(DataSetIterator source, int size) {
        this.source = source;
        this.size = size;
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = fetch();
        }
        return pending != null;
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more batches in this epoch.");
        }
        for (DataSet more; rows(pending) < size && (more = fetch()) != null; ) {
            pending = concat(pending, more);
        }
        if (rows(pending) > size) {
            return split();
        }
        DataSet out = pending;
        pending = null;
        return out;
    }

    private DataSet fetch() {
        while (source.hasNext()) {
            DataSet ds = source.next();
            if (ds != null && ds.getFeatures() != null && ds.getFeatures().size(0) > 0) {
                return checkedNoMasks(ds);
            }
        }
        return null;
    }

    private DataSet split() {
        DataSet out = new DataSet(rowsOf(pending.getFeatures(), 0, size), rowsOf(pending.getLabels(), 0, size));
        long total = rows(pending);
        pending = new DataSet(rowsOf(pending.getFeatures(), size, total), rowsOf(pending.getLabels(), size, total));
        return out;
    }

    private static long rows(DataSet ds) {
        return ds == null ? 0 : ds.getFeatures().size(0);
    }

    private static INDArray rowsOf(INDArray array, long from, long to) {
        return array == null ? null : array.get(NDArrayIndex.interval(from, to)).dup();
    }

    private static DataSet concat(DataSet a, DataSet b) {
        INDArray labels = a.getLabels() == null || b.getLabels() == null ? null
                : Nd4j.concat(0, a.getLabels(), b.getLabels());
        return new DataSet(Nd4j.concat(0, a.getFeatures(), b.getFeatures()), labels);
    }

    private static DataSet checkedNoMasks(DataSet ds) {
        if (ds.getFeaturesMaskArray() != null || ds.getLabelsMaskArray() != null) {
            throw new IllegalArgumentException("The iterator gives masked data sets; the trainer supports"
                    + " unmasked image batches only.");
        }
        return ds;
    }
}
