package org.quantcourse.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.dataset.DataSet;

class RebatcherTest {

    @ParameterizedTest
    @CsvSource({"200, 10, 64, '64,64,64,8'", "200, 64, 64, '64,64,64,8'", "100, 30, 25, '25,25,25,25'",
            "10, 3, 64, '10'", "65, 65, 64, '64,1'"})
    void cutsAnyIteratorBatchingIntoTheRequestedSize(int examples, int iteratorBatch, int size, String expected) {
        List<Integer> sizes = new ArrayList<>();
        new Rebatcher(SyntheticDigits.iterator(examples, iteratorBatch, 1), size)
                .forEachRemaining(ds -> sizes.add(ds.numExamples()));
        assertEquals(expected, String.join(",", sizes.stream().map(String::valueOf).toList()));
    }

    @Test
    void keepsEveryExampleInOrder() {
        DataSet all = SyntheticDigits.all(50, 2);
        List<DataSet> pieces = new ArrayList<>();
        new Rebatcher(SyntheticDigits.iterator(50, 7, 2), 16).forEachRemaining(pieces::add);
        DataSet joined = DataSet.merge(pieces);
        assertEquals(all.getFeatures(), joined.getFeatures());
        assertEquals(all.getLabels(), joined.getLabels());
    }

    @Test
    void batchesOfTheRightSizePassThroughUncopied() {
        DataSet batch = SyntheticDigits.all(16, 3);
        Rebatcher batches = new Rebatcher(new ExistingDataSetIterator(List.of(batch)), 16);
        assertSame(batch, batches.next());
    }
}
