package org.quantcourse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantcourse.bench.TrainingBenchmark.Measurement;
import org.quantcourse.bench.TrainingBenchmark.Report;

class TrainingReportTest {

    private static final CpuInfo CPU = new CpuInfo("Test CPU, 2 sockets", 2, List.of("avx", "avx2", "fma"), 2000);
    private static final NetworkFlops FLOPS = new NetworkFlops(List.of(new NetworkFlops.LayerFlops("conv", 1_000_000)));

    private static Report report() {
        return new Report(List.of(new Measurement("dl4j-onednn-nhwc", 2, "train", 64, 1500, 3.5),
                new Measurement("dl4j-onednn-nhwc", 2, "train", 256, 900, 3.5),
                new Measurement("pytorch-1.13", 2, "train", 64, 1000, 4.0),
                new Measurement("dl4j-onednn-nhwc", 2, "inference", 1000, 8000, 3.5),
                new Measurement("pytorch-1.13", 2, "inference", 1000, 2000, 4.0)), CPU, FLOPS, "2026-12-01T17:00Z",
                "OMP_WAIT_POLICY=PASSIVE");
    }

    @Test
    void ratioIsToPytorchAtTheSameThreadsPhaseAndBatch() {
        Report report = report();
        assertEquals(1.5, report.ratio(report.rows().get(0)), 1e-12);
        assertEquals(4.0, report.ratio(report.rows().get(3)), 1e-12);
        assertEquals(true, Double.isNaN(report.ratio(report.rows().get(1))), "no PyTorch row at batch 256");
    }

    @Test
    void trainingCountsThreeTimesTheForwardFlops() {
        Report report = report();
        assertEquals(1500 * 3e6 / 1e9, report.gflops(report.rows().get(0)), 1e-12);
        assertEquals(8000 * 1e6 / 1e9, report.gflops(report.rows().get(3)), 1e-12);
    }

    @Test
    void csvCarriesRatioGflopsPeakLoadAndTheCpuWithoutCommas() {
        List<String> lines = report().csvLines();
        assertEquals(Report.CSV_HEADER, lines.get(0));
        assertEquals("dl4j-onednn-nhwc,2,train,64,1500.0,1.500,4.50,128.0,0.0352,3.50,Test CPU  2 sockets,avx avx2 fma,"
                + "2026-12-01T17:00Z,OMP_WAIT_POLICY=PASSIVE", lines.get(1));
        assertEquals("dl4j-onednn-nhwc,2,train,256,900.0,,2.70,128.0,0.0211,3.50,Test CPU  2 sockets,avx avx2 fma,"
                + "2026-12-01T17:00Z,OMP_WAIT_POLICY=PASSIVE", lines.get(2));
    }

    @Test
    void pathsAreChosenByLabelAndAllWithoutAList() {
        assertEquals(List.of(TrainingSpeed.Variant.values()), TrainingBenchmark.variants(""));
        assertEquals(List.of(TrainingSpeed.Variant.ONEDNN_NHWC, TrainingSpeed.Variant.STOCK),
                TrainingBenchmark.variants("dl4j-onednn-nhwc, dl4j-stock"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingBenchmark.variants("dl4j-fast"));
        assertTrue(e.getMessage().contains("dl4j-fast") && e.getMessage().contains("dl4j-onednn-nchw"),
                e.getMessage());
    }
}
