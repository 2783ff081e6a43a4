package org.quantcourse.formats;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.eval.EvaluationResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A network's weights cast to each of several formats: SQNR of the weights and test accuracy per format, one row
 * each ({@code format, bits, sqnr_db, accuracy}, the columns of build/results/07_number_formats.csv). Used in
 * notebook 07.
 */
public final class FormatComparison {
    private FormatComparison() {}

    /** The formats the notebook compares: FP32, FP16, BF16, both FP8 (as they are and scaled), INT8 and INT4. */
    public static List<WeightCast> courseFormats() {
        return List.of(WeightCast.to(FloatFormat.FP32), WeightCast.to(FloatFormat.FP16),
                WeightCast.to(FloatFormat.BF16), WeightCast.to(FloatFormat.FP8_E4M3),
                WeightCast.scaledTo(FloatFormat.FP8_E4M3), WeightCast.to(FloatFormat.FP8_E5M2),
                WeightCast.scaledTo(FloatFormat.FP8_E5M2), WeightCast.to(IntegerFormat.INT8),
                WeightCast.to(IntegerFormat.INT4));
    }

    /** Casts the weights of {@code net} each way and evaluates each copy on {@code test}. */
    public static Table run(MultiLayerNetwork net, List<WeightCast> casts, DataSetIterator test) {
        if (casts == null || casts.isEmpty() || test == null) {
            throw new IllegalArgumentException("give at least one cast and a test iterator");
        }
        Table t = Table.create("weights cast to each format", StringColumn.create("format"), IntColumn.create("bits"),
                DoubleColumn.create("sqnr_db"), DoubleColumn.create("accuracy"));
        for (WeightCast cast : casts) {
            WeightCast.CastNetwork c = cast.apply(net);
            t.stringColumn("format").append(c.name());
            t.intColumn("bits").append(c.bits());
            t.doubleColumn("sqnr_db").append(c.error().sqnrDb());
            t.doubleColumn("accuracy").append(EvaluationResult.of(c.network(), test).accuracy());
        }
        return t;
    }
}
