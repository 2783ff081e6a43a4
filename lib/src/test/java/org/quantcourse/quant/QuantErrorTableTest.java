package org.quantcourse.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class QuantErrorTableTest {

    private static final long SEED = 3;

    @Test
    void tableHasOneRowPerQuantizerInOrderMatchingQuantError() {
        Nd4j.getRandom().setSeed(SEED);
        INDArray w = Nd4j.randn(DataType.FLOAT, 8, 3, 3, 3);
        Map<String, Quantizer> quantizers = new LinkedHashMap<>();
        quantizers.put("per-tensor", Quantizer.symmetric(4));
        quantizers.put("per-channel", Quantizer.symmetric(4).perChannel(0));
        Table t = QuantError.table("w", "granularity", w, quantizers);
        assertEquals(List.of("granularity", "scales", "largest scale", "MSE", "SQNR dB"), t.columnNames());
        assertEquals(List.of("per-tensor", "per-channel"), t.stringColumn("granularity").asList());
        assertEquals(List.of(1.0, 8.0), t.doubleColumn("scales").asList());
        QuantizedTensor perChannel = Quantizer.symmetric(4).perChannel(0).quantize(w);
        assertEquals(QuantError.of(w, perChannel).sqnrDb(), t.doubleColumn("SQNR dB").get(1), 1e-12);
        assertEquals(w.amaxNumber().doubleValue() / 7, t.doubleColumn("largest scale").get(0), 1e-6);
        assertEquals(t.doubleColumn("largest scale").get(0), t.doubleColumn("largest scale").get(1), 1e-6,
                "the channel holding the largest |w| has the per-tensor scale");
    }
}
