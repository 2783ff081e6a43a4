package org.quantcourse.eval;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Validation of one-hot label matrices {@code [batch, classes]}. */
final class OneHotLabels {

    private OneHotLabels() {
    }

    /** Rejects labels that are not one-hot rows of width {@code classes} for {@code rows} samples; returns them as FLOAT. */
    static INDArray require(INDArray labels, long rows, long classes) {
        if (labels == null || labels.rank() != 2 || labels.rows() != rows || labels.columns() != classes) {
            throw new IllegalArgumentException("labels must be one-hot of shape [" + rows + ", " + classes
                    + "] (one row per sample, one column per class the model outputs), got "
                    + (labels == null ? "null" : Arrays.toString(labels.shape())));
        }
        return requireOneHotRows(labels.castTo(DataType.FLOAT));
    }

    private static INDArray requireOneHotRows(INDArray labels) {
        INDArray valid = countPerRow(labels, 1).eq(1).castTo(DataType.FLOAT)
                .muli(countPerRow(labels, 0).eq(labels.columns() - 1).castTo(DataType.FLOAT));
        long invalid = labels.rows() - valid.sumNumber().longValue();
        if (invalid > 0) {
            long example = Nd4j.argMin(valid).getLong(0);
            throw new IllegalArgumentException("labels must be one-hot: each row all 0 except a single 1 in a column 0.."
                    + (labels.columns() - 1) + "; " + invalid + " of " + labels.rows() + " rows are not, e.g. row "
                    + example + " = " + labels.getRow(example));
        }
        return labels;
    }

    private static INDArray countPerRow(INDArray labels, double value) {
        return labels.eq(value).castTo(DataType.FLOAT).sum(1);
    }
}
