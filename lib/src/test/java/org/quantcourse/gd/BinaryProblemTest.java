package org.quantcourse.gd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class BinaryProblemTest {

    private static final long SEED = 11L;

    @Test
    void acceptsRankOneLabelsAndCopiesItsInput() {
        INDArray x = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}});
        INDArray y = Nd4j.createFromArray(0f, 1f);
        BinaryProblem problem = BinaryProblem.of(x, y);
        x.addi(100);
        y.assign(7);
        assertArrayEquals(new long[] {2, 1}, problem.labels().shape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, problem.features().reshape(4).toFloatVector());
        assertArrayEquals(new float[] {0, 1}, problem.labels().reshape(2).toFloatVector());
    }

    @Test
    void castsDoubleInputToFloat() {
        BinaryProblem problem = BinaryProblem.of(Nd4j.zeros(DataType.DOUBLE, 2, 3), Nd4j.zeros(DataType.DOUBLE, 2));
        assertEquals(DataType.FLOAT, problem.features().dataType());
        assertEquals(DataType.FLOAT, problem.labels().dataType());
    }

    @Test
    void rejectsLabelsOtherThanZeroAndOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinaryProblem.of(Nd4j.zeros(3, 2), Nd4j.createFromArray(0f, 2f, 1f)));
        assertTrue(e.getMessage().contains("0 or 1") && e.getMessage().contains("2.0"), e.getMessage());
    }

    @Test
    void rejectsRowCountMismatchWrongRankAndEmptyData() {
        assertThrows(IllegalArgumentException.class, () -> BinaryProblem.of(Nd4j.zeros(3, 2), Nd4j.zeros(4)));
        assertThrows(IllegalArgumentException.class, () -> BinaryProblem.of(Nd4j.zeros(3, 1, 2, 2), Nd4j.zeros(3)));
        assertThrows(IllegalArgumentException.class, () -> BinaryProblem.of(Nd4j.zeros(0, 2), Nd4j.zeros(0)));
        assertThrows(IllegalArgumentException.class, () -> BinaryProblem.of(null, Nd4j.zeros(3)));
        assertThrows(IllegalArgumentException.class, () -> BinaryProblem.gaussianBlobs(0, 2, 1, SEED));
        assertThrows(IllegalArgumentException.class, () -> BinaryProblem.gaussianBlobs(5, 2, 1, SEED).rows());
    }

    @Test
    void gaussianBlobsAreSeededBalancedAndSeparated() {
        BinaryProblem blobs = BinaryProblem.gaussianBlobs(200, 3, 6.0, SEED);
        assertEquals(400, blobs.sampleCount());
        assertEquals(3, blobs.dimension());
        assertEquals(200, blobs.labels().sumNumber().intValue());
        assertTrue(blobs.features().equalsWithEps(BinaryProblem.gaussianBlobs(200, 3, 6.0, SEED).features(), 0));
        assertFalse(blobs.features().equalsWithEps(BinaryProblem.gaussianBlobs(200, 3, 6.0, SEED + 1).features(), 1e-3));
        double meanGap = blobs.features().get(NDArrayIndex.interval(200, 400)).meanNumber().doubleValue()
                - blobs.features().get(NDArrayIndex.interval(0, 200)).meanNumber().doubleValue();
        assertEquals(6.0 / Math.sqrt(3), meanGap, 0.3, "per-coordinate gap between class means");
    }

    @Test
    void fromDigitsKeepsTwoDigitsFlattensImagesAndLabelsThePositiveDigitAsOne() {
        int[] digits = {3, 5, 8, 3, 1, 8, 8};
        List<DataSet> examples = new ArrayList<>();
        for (int i = 0; i < digits.length; i++) {
            INDArray image = Nd4j.zeros(DataType.FLOAT, 1, 1, 28, 28).putScalar(new long[] {0, 0, 0, 0}, i);
            INDArray label = Nd4j.zeros(DataType.FLOAT, 1, 10).putScalar(0, digits[i], 1);
            examples.add(new DataSet(image, label));
        }
        BinaryProblem problem = BinaryProblem.fromDigits(new ListDataSetIterator<>(examples, 3), 8, 3);
        assertEquals(784, problem.dimension());
        assertArrayEquals(new float[] {0, 1, 0, 1, 1}, problem.labels().reshape(5).toFloatVector(),
                "digit 3 -> 0, digit 8 -> 1");
        assertArrayEquals(new float[] {0, 2, 3, 5, 6}, problem.features().getColumn(0).toFloatVector(),
                "samples 0, 2, 3, 5, 6 kept in order");
    }

    @Test
    void fromDigitsRejectsEqualDigitsAndDataWithoutThem() {
        DataSet one = new DataSet(Nd4j.zeros(DataType.FLOAT, 1, 784), Nd4j.zeros(DataType.FLOAT, 1, 10).putScalar(0, 2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryProblem.fromDigits(new ListDataSetIterator<>(List.of(one)), 4, 4));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryProblem.fromDigits(new ListDataSetIterator<>(List.of(one)), 0, 1));
    }

    @Test
    void rowsSelectsSamplesInTheGivenOrder() {
        BinaryProblem problem = BinaryProblem.of(Nd4j.createFromArray(new float[][] {{10}, {11}, {12}}),
                Nd4j.createFromArray(0f, 1f, 1f));
        BinaryProblem sub = problem.rows(2, 0);
        assertArrayEquals(new float[] {12, 10}, sub.features().reshape(2).toFloatVector());
        assertArrayEquals(new float[] {1, 0}, sub.labels().reshape(2).toFloatVector());
    }
}
