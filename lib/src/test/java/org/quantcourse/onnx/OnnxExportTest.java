package org.quantcourse.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.integer.ActivationQuant;
import org.quantcourse.integer.CodeComparison;
import org.quantcourse.integer.FakeQuantSimulation;
import org.quantcourse.integer.IntegerEngine;
import org.quantcourse.integer.Predictions;
import org.quantcourse.integer.QuantizedModel;
import org.quantcourse.integer.SmallCnnFixture;
import org.quantcourse.integer.StaticQuantizer;

class OnnxExportTest {
    private static final int IMAGES = 300;
    private static final int SIDE = SmallCnnFixture.SIDE;
    /** FP32 in ONNX Runtime against DL4J, on softmax probabilities: both are float32 kernels, summed differently. */
    private static final double FP32_TOLERANCE = 1e-5;
    /** ORT int8 with U8U8 kernels requantizes in float and rounds pooling ties to even: 1-2 LSB differences only. */
    private static final int MAX_U8U8_LOGIT_DIFFERENCE = 2;
    private static final double MIN_ARGMAX_AGREEMENT = 0.99;

    private static MultiLayerNetwork net;
    private static QuantizedModel model;
    private static INDArray images;

    @BeforeAll
    static void quantize() {
        net = SmallCnnFixture.network(3);
        model = StaticQuantizer.quantize(net, SmallCnnFixture.images(1, 400));
        images = SmallCnnFixture.images(2, IMAGES);
    }

    @Test
    void theFp32ModelInOnnxRuntimeGivesDl4jsProbabilities() {
        try (OrtModel ort = OrtModel.load(OnnxExport.fp32(net, 1, SIDE, SIDE), 1)) {
            float[] got = ort.run(images);
            float[] expected = net.output(images).data().asFloat();
            assertEquals(expected.length, got.length);
            for (int i = 0; i < got.length; i++) {
                assertEquals(expected[i], got[i], FP32_TOLERANCE, "output " + i);
            }
        }
    }

    @Test
    void onnxRuntimeFusesTheQdqGroupsIntoIntegerOperators() {
        try (OrtModel ort = OrtModel.load(OnnxExport.qdq(model), 1)) {
            List<String> ops = ort.optimizedOperators();
            assertEquals(2, ops.stream().filter("QLinearConv"::equals).count(), ops.toString());
            assertEquals(2, ops.stream().filter("QGemm"::equals).count(), ops.toString());
            assertTrue(ops.contains("QLinearAveragePool"), ops.toString());
            assertTrue(!ops.contains("Conv") && !ops.contains("Gemm"), ops.toString());
        }
    }

    @Test
    void withUint8WeightsOnnxRuntimeGivesTheEnginesLogitCodesWithinTwoSteps() {
        try (OrtModel ort = OrtModel.load(OnnxExport.qdq(model, WeightEncoding.UINT8_OFFSET_128), 1)) {
            int[] ortCodes = codes(ort.run(images), model.logits());
            int[] engine = IntegerEngine.of(model).forwardCodes(images);
            CodeComparison c = CodeComparison.of(ortCodes, engine);
            assertTrue(c.maxDifference() <= MAX_U8U8_LOGIT_DIFFERENCE, c.toString());
            assertTrue(Predictions.agreement(Predictions.argmax(ortCodes, 10),
                    FakeQuantSimulation.of(model).predict(images)) >= MIN_ARGMAX_AGREEMENT);
        }
    }

    @ParameterizedTest
    @EnumSource(WeightEncoding.class)
    void bothWeightEncodingsPredictLikeTheIntegerEngine(WeightEncoding encoding) {
        try (OrtModel ort = OrtModel.load(OnnxExport.qdq(model, encoding), 1)) {
            double agreement = Predictions.agreement(ort.predict(images, 10), IntegerEngine.of(model).predict(images));
            assertTrue(agreement >= MIN_ARGMAX_AGREEMENT, encoding + ": " + agreement);
        }
    }

    @Test
    void withBasicOptimisationsOnnxRuntimeRunsTheQdqGraphUnfusedWithTheSamePredictions() {
        try (OrtModel basic = OrtModel.load(OnnxExport.qdq(model), 1, OptLevel.BASIC_OPT);
                OrtModel all = OrtModel.load(OnnxExport.qdq(model), 1)) {
            List<String> ops = basic.optimizedOperators();
            assertTrue(ops.contains("Conv") && ops.contains("DequantizeLinear") && !ops.contains("QLinearConv"),
                    ops.toString());
            assertEquals(OptLevel.BASIC_OPT, basic.optimizationLevel());
            assertEquals(OptLevel.ALL_OPT, all.optimizationLevel());
            double agreement = Predictions.agreement(basic.predict(images, 10), all.predict(images, 10));
            assertTrue(agreement >= MIN_ARGMAX_AGREEMENT, "basic vs all: " + agreement);
        }
    }

    @Test
    void theInt8FileIsAboutAQuarterOfTheFp32File(@TempDir Path dir) throws Exception {
        long fp32 = OnnxExport.save(OnnxExport.fp32(net, 1, SIDE, SIDE), dir.resolve("fp32.onnx"));
        long int8 = OnnxExport.save(OnnxExport.qdq(model), dir.resolve("int8.onnx"));
        assertEquals(Files.size(dir.resolve("int8.onnx")), int8);
        assertTrue(int8 < fp32 / 3 && int8 > fp32 / 5, fp32 + " vs " + int8);
    }

    @Test
    void aWrongInputShapeIsReportedWithTheShape() {
        try (OrtModel ort = OrtModel.load(OnnxExport.fp32(net, 1, SIDE, SIDE), 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ort.run(new float[2 * 100], 2, 1, 10, 10));
            assertTrue(e.getMessage().contains("[2, 1, 10, 10]"), e.getMessage());
        }
    }

    private static int[] codes(float[] logits, ActivationQuant q) {
        int[] out = new int[logits.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = q.quantize(logits[i]);
        }
        return out;
    }
}
