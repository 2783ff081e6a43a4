package org.quantcourse.calibration;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.quantcourse.quant.Observer;
import org.quantcourse.quant.Quantizer;

/**
 * Static calibration: run the network on calibration batches (FP32 activations), show every site's activation to
 * one observer per site, and fix the ranges. Used in notebook 08:
 * {@code Calibration.calibrate(net, Calibration.batches(data.train().iterator(32, SEED), 256), 8, CalibrationMethod.minMax())}.
 */
public final class Calibration {
    private Calibration() {}

    /**
     * Static ranges for every site of {@code net} ({@link SiteForward}) with {@code bits}-bit asymmetric
     * per-tensor grids, estimated by {@code method} over {@code batches}. Calibrate the network you will run (the
     * weight-quantized one), since its activations are the ones to be quantized.
     */
    public static StaticRanges calibrate(MultiLayerNetwork net, List<INDArray> batches, int bits,
            CalibrationMethod method) {
        checkBatches(batches);
        List<Observer> observers = new ArrayList<>();
        for (int s = 0; s < SiteForward.siteCount(net); s++) {
            observers.add(method.observerFor(Quantizer.asymmetric(bits)));
        }
        for (INDArray batch : batches) {
            SiteForward.output(net, batch, (site, a) -> {
                observers.get(site).observe(a);
                return a;
            });
        }
        return new StaticRanges(method.name(), bits, SiteForward.siteNames(net),
                observers.stream().map(Observer::params).toList());
    }

    /**
     * Static ranges for every method and every bit width in ONE pass of {@code net} over {@code batches}: each
     * site's activation is shown to one observer per (bits, method). Ordered by bits, then method:
     * {@code ranges.get(b * methods.size() + m)}.
     */
    public static List<StaticRanges> calibrate(MultiLayerNetwork net, List<INDArray> batches,
            List<CalibrationMethod> methods, int... bits) {
        checkBatches(batches);
        int sites = SiteForward.siteCount(net);
        List<List<Observer>> observers = new ArrayList<>(); // [bits * methods][site]
        for (int b : bits) {
            for (CalibrationMethod m : methods) {
                List<Observer> perSite = new ArrayList<>();
                for (int s = 0; s < sites; s++) {
                    perSite.add(m.observerFor(Quantizer.asymmetric(b)));
                }
                observers.add(perSite);
            }
        }
        for (INDArray batch : batches) {
            SiteForward.output(net, batch, (site, a) -> {
                observers.forEach(perSite -> perSite.get(site).observe(a));
                return a;
            });
        }
        List<StaticRanges> out = new ArrayList<>();
        for (int k = 0; k < observers.size(); k++) {
            out.add(new StaticRanges(methods.get(k % methods.size()).name(), bits[k / methods.size()],
                    SiteForward.siteNames(net), observers.get(k).stream().map(Observer::params).toList()));
        }
        return out;
    }

    /**
     * The features of the first {@code images} samples of {@code data} (reset first), in its batches (the last one
     * cut to size): the calibration set.
     */
    public static List<INDArray> batches(DataSetIterator data, int images) {
        if (images < 1) {
            throw new IllegalArgumentException("a calibration set needs at least 1 image, got " + images);
        }
        if (data.resetSupported()) {
            data.reset();
        }
        List<INDArray> out = new ArrayList<>();
        int count = 0;
        while (count < images && data.hasNext()) {
            DataSet ds = data.next();
            int take = (int) Math.min(ds.numExamples(), images - count);
            INDArray f = ds.getFeatures();
            out.add(take == f.size(0) ? f : firstRows(f, take));
            count += take;
        }
        if (count < images) {
            throw new IllegalArgumentException("asked for " + images + " calibration images but the data has only "
                    + count);
        }
        return out;
    }

    /** The first {@code n} samples (rows along axis 0) of {@code a}, as a copy. */
    static INDArray firstRows(INDArray a, long n) {
        INDArrayIndex[] index = new INDArrayIndex[a.rank()];
        index[0] = NDArrayIndex.interval(0, n);
        for (int d = 1; d < index.length; d++) {
            index[d] = NDArrayIndex.all();
        }
        return a.get(index).dup();
    }

    static void checkBatches(List<INDArray> batches) {
        if (batches == null || batches.isEmpty()) {
            throw new IllegalArgumentException("give at least one calibration batch (Calibration.batches(data, n))");
        }
    }
}
