package org.quantcourse.calibration;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.quant.PercentileObserver;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every activation of every site of a network ({@link SiteForward}) over a calibration set, for statistics and
 * histograms. Holds all values in memory (about 60 000 floats per image for the course CNN). Used in notebook 08.
 */
public final class ActivationStatistics {
    private final List<String> sites;
    private final List<float[]> values;

    private ActivationStatistics(List<String> sites, List<float[]> values) {
        this.sites = sites;
        this.values = values;
    }

    /** Runs {@code net} on every batch and keeps the activations of every site. */
    public static ActivationStatistics collect(MultiLayerNetwork net, List<INDArray> batches) {
        Calibration.checkBatches(batches);
        int n = SiteForward.siteCount(net);
        List<List<float[]>> parts = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            parts.add(new ArrayList<>());
        }
        for (INDArray batch : batches) {
            SiteForward.output(net, batch, (site, a) -> {
                parts.get(site).add(a.dup('c').reshape(a.length()).toFloatVector());
                return a;
            });
        }
        return new ActivationStatistics(SiteForward.siteNames(net), parts.stream().map(ActivationStatistics::concat)
                .toList());
    }

    /** The site names, input first. */
    public List<String> sites() {
        return sites;
    }

    /** A copy of every value seen at {@code site}. */
    public float[] values(int site) {
        return values.get(checkSite(site)).clone();
    }

    /** A copy of every value seen at the site named {@code name}. */
    public float[] values(String name) {
        int site = sites.indexOf(name);
        if (site < 0) {
            throw new IllegalArgumentException("no site named '" + name + "': the sites are " + sites);
        }
        return values(site);
    }

    /** One row per site: values, min, max, mean, fraction of exact zeros and the 99.9th/99.99th percentiles. */
    public Table summary() {
        Table t = Table.create("activation statistics", IntColumn.create("site"), StringColumn.create("name"),
                IntColumn.create("values"), DoubleColumn.create("min"), DoubleColumn.create("max"),
                DoubleColumn.create("mean"), DoubleColumn.create("zero fraction"), DoubleColumn.create("p99.9"),
                DoubleColumn.create("p99.99"));
        for (int s = 0; s < sites.size(); s++) {
            addRow(t, s);
        }
        return t;
    }

    private void addRow(Table t, int s) {
        float[] v = values.get(s);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int zeros = 0;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
            zeros += x == 0 ? 1 : 0;
        }
        t.intColumn("site").append(s);
        t.stringColumn("name").append(sites.get(s));
        t.intColumn("values").append(v.length);
        t.doubleColumn("min").append(min);
        t.doubleColumn("max").append(max);
        t.doubleColumn("mean").append(sum / v.length);
        t.doubleColumn("zero fraction").append(zeros / (double) v.length);
        t.doubleColumn("p99.9").append(PercentileObserver.percentile(v, 99.9));
        t.doubleColumn("p99.99").append(PercentileObserver.percentile(v, 99.99));
    }

    private int checkSite(int site) {
        if (site < 0 || site >= sites.size()) {
            throw new IllegalArgumentException("site " + site + " does not exist: allowed 0.." + (sites.size() - 1)
                    + " " + sites);
        }
        return site;
    }

    private static float[] concat(List<float[]> parts) {
        float[] out = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
