package org.quantcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

class ImageBatchIteratorTest {

    private static final long SEED = 42L;
    private static final int BATCH = 8;

    private final ImageDataset data = SyntheticImages.dataset(30, 9L);

    /** Image indices of one epoch, recovered by matching each batch row to a dataset image. */
    private List<Integer> epochOrder(DataSetIterator it) {
        List<Integer> order = new ArrayList<>();
        while (it.hasNext()) {
            DataSet batch = it.next();
            for (int r = 0; r < batch.numExamples(); r++) {
                order.add(indexOf(batch.getFeatures().slice(r).ravel().toFloatVector()));
            }
        }
        return order;
    }

    private int indexOf(float[] pixels) {
        for (int i = 0; i < data.size(); i++) {
            if (Arrays.equals(pixels, data.pixels(i))) {
                return i;
            }
        }
        throw new AssertionError("batch row is not an image of the dataset");
    }

    @Test
    void nchwBatchesHaveShapeAndOneHotLabels() {
        DataSetIterator it = data.iterator(BATCH, SEED);
        DataSet batch = it.next();
        assertArrayEquals(new long[] {BATCH, 1, 4, 3}, batch.getFeatures().shape());
        assertArrayEquals(new long[] {BATCH, 10}, batch.getLabels().shape());
        assertEquals(DataType.FLOAT, batch.getFeatures().dataType());
        assertEquals(DataType.FLOAT, batch.getLabels().dataType());
        assertEquals(12, it.inputColumns());
        assertEquals(10, it.totalOutcomes());
        assertEquals(SyntheticImages.DIGITS, it.getLabels());
    }

    @Test
    void flatBatchesAreVectors() {
        DataSet batch = data.iterator(BATCH, SEED, Layout.FLAT).next();
        assertArrayEquals(new long[] {BATCH, 12}, batch.getFeatures().shape());
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void valuesStayInUnitIntervalAndLabelsMatchImages(Layout layout) {
        DataSetIterator it = data.iterator(BATCH, SEED, layout);
        while (it.hasNext()) {
            DataSet batch = it.next();
            assertTrue(batch.getFeatures().minNumber().floatValue() >= 0f);
            assertTrue(batch.getFeatures().maxNumber().floatValue() <= 1f);
            for (int r = 0; r < batch.numExamples(); r++) {
                int image = indexOf(batch.getFeatures().slice(r).ravel().toFloatVector());
                assertEquals(1f, batch.getLabels().getFloat(r, data.label(image)));
            }
        }
    }

    @Test
    void everyEpochVisitsEveryImageOnceWithAPartialLastBatch() {
        DataSetIterator it = data.iterator(BATCH, SEED);
        List<Integer> sizes = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        while (it.hasNext()) {
            DataSet batch = it.next();
            sizes.add(batch.numExamples());
            for (int r = 0; r < batch.numExamples(); r++) {
                order.add(indexOf(batch.getFeatures().slice(r).ravel().toFloatVector()));
            }
        }
        assertEquals(List.of(8, 8, 8, 6), sizes);
        assertEquals(data.size(), order.size());
        assertEquals(data.size(), Set.copyOf(order).size());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void sameSeedGivesSameOrderEveryEpoch() {
        DataSetIterator a = data.iterator(BATCH, SEED);
        DataSetIterator b = data.iterator(BATCH, SEED);
        for (int epoch = 0; epoch < 3; epoch++) {
            assertEquals(epochOrder(a), epochOrder(b));
            a.reset();
            b.reset();
        }
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        assertNotEquals(epochOrder(data.iterator(BATCH, SEED)), epochOrder(data.iterator(BATCH, SEED + 1)));
    }

    @Test
    void orderChangesEachEpochAfterReset() {
        DataSetIterator it = data.iterator(BATCH, SEED);
        Set<List<Integer>> orders = new HashSet<>();
        for (int epoch = 0; epoch < 4; epoch++) {
            orders.add(epochOrder(it));
            assertFalse(it.hasNext());
            it.reset();
            assertTrue(it.hasNext());
        }
        assertEquals(4, orders.size());
    }

    @Test
    void resetBeforeAnyBatchKeepsTheFirstEpoch() {
        DataSetIterator it = data.iterator(BATCH, SEED);
        it.reset();
        assertEquals(epochOrder(data.iterator(BATCH, SEED)), epochOrder(it));
    }

    @Test
    void limitedDatasetGivesFewerBatches() {
        DataSetIterator it = data.limit(10).iterator(4, SEED);
        int batches = 0;
        int images = 0;
        while (it.hasNext()) {
            images += it.next().numExamples();
            batches++;
        }
        assertEquals(3, batches);
        assertEquals(10, images);
    }

    @Test
    void nonPositiveBatchSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> data.iterator(0, SEED));
    }
}
