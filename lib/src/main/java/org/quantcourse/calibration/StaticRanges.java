package org.quantcourse.calibration;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Static activation quantization: one asymmetric per-tensor {@link QuantParams} per site, fixed from
 * calibration ({@link Calibration#calibrate}). Immutable. Used in notebook 08.
 *
 * @param name the calibration method's name
 * @param bits bits per activation
 * @param sites the site names
 * @param params one parameter set per site
 */
public record StaticRanges(String name, int bits, List<String> sites, List<QuantParams> params)
        implements ActivationQuantization {

    /** Checks there is one parameter set per site and copies the lists. */
    public StaticRanges {
        sites = List.copyOf(sites);
        params = List.copyOf(params);
        if (sites.size() != params.size()) {
            throw new IllegalArgumentException(sites.size() + " sites but " + params.size() + " parameter sets");
        }
    }

    /** The parameters of {@code site}. */
    public QuantParams params(int site) {
        return params.get(site);
    }

    /**
     * A copy with {@code site}'s range set to {@code [lo, hi]} on the same grid, e.g. the input's known range
     * {@code [0, 1]} instead of a calibrated one; named {@code name}.
     */
    public StaticRanges withRange(int site, double lo, double hi, String newName) {
        if (site < 0 || site >= params.size() || !(lo <= 0 && hi > 0)) {
            throw new IllegalArgumentException("need a site in 0.." + (params.size() - 1) + " and a range with lo <= 0"
                    + " < hi; got site " + site + ", [" + lo + ", " + hi + "]");
        }
        List<QuantParams> changed = new ArrayList<>(params);
        changed.set(site, Quantizer.asymmetric(bits).paramsFromRange(new float[] {(float) lo}, new float[] {(float) hi}));
        return new StaticRanges(newName, bits, sites, changed);
    }

    @Override
    public INDArray at(int site, INDArray a) {
        if (site < 0 || site >= params.size()) {
            throw new IllegalArgumentException("site " + site + " was not calibrated: these ranges are for "
                    + params.size() + " sites " + sites + "; calibrate on the network you run");
        }
        return ActivationQuantization.fakeQuantize(a, params.get(site));
    }

    /** One row per site: name, range {@code [s(qmin - z), s(qmax - z)]}, scale and zero-point. */
    public Table table() {
        Table t = Table.create(name + " ranges, " + bits + " bits", IntColumn.create("site"),
                StringColumn.create("name"), DoubleColumn.create("min"), DoubleColumn.create("max"),
                DoubleColumn.create("scale"), IntColumn.create("zero point"));
        for (int s = 0; s < params.size(); s++) {
            QuantParams p = params.get(s);
            t.intColumn("site").append(s);
            t.stringColumn("name").append(sites.get(s));
            t.doubleColumn("min").append(p.rangeMin(0));
            t.doubleColumn("max").append(p.rangeMax(0));
            t.doubleColumn("scale").append(p.scale());
            t.intColumn("zero point").append(p.zeroPoint());
        }
        return t;
    }
}
