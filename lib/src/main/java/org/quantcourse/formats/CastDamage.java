package org.quantcourse.formats;

import java.util.List;
import java.util.Objects;
import org.quantcourse.quant.QuantError;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What casting values to a float format does to them after multiplying them by a scale {@code s} (and dividing
 * the cast back by it), the way mixed-precision training casts gradients with loss scaling: how many non-zero
 * values underflow to 0, how many overflow (become infinite or NaN, or are saturated from beyond the largest
 * value), and the SQNR of the round trip {@code round(x s) / s} against {@code x}. Used in notebook 07.
 *
 * @param format the format cast to
 * @param scale the factor {@code s} applied before the cast
 * @param count how many values
 * @param flushedToZero non-zero values whose cast is 0
 * @param overflowed values with {@code |x s|} beyond the largest finite value (or a non-finite cast)
 * @param sqnrDb SQNR of the round trip in dB ({@code -Infinity} once a value overflows to infinity, NaN with NaN)
 */
public record CastDamage(FloatFormat format, double scale, int count, int flushedToZero, int overflowed,
        double sqnrDb) {

    /** Casts {@code values * scale} to {@code format} and counts the damage; {@code scale} must be positive. */
    public static CastDamage of(float[] values, FloatFormat format, double scale) {
        Objects.requireNonNull(format, "format");
        if (values == null || values.length == 0 || !(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("give non-empty values and a positive finite scale, got scale " + scale);
        }
        float[] restored = new float[values.length];
        int flushed = 0;
        int overflowed = 0;
        for (int i = 0; i < values.length; i++) {
            float scaled = (float) (values[i] * scale);
            float cast = format.round(scaled);
            flushed += values[i] != 0 && cast == 0 ? 1 : 0;
            overflowed += !Float.isFinite(cast) || Math.abs(scaled) > format.maxFinite() ? 1 : 0;
            restored[i] = (float) (cast / scale);
        }
        return new CastDamage(format, scale, values.length, flushed, overflowed,
                QuantError.of(values, restored).sqnrDb());
    }

    /**
     * The largest power of two {@code s} with {@code max|x| * s <= } the format's largest finite value: what a
     * dynamic loss scaler settles on (it doubles the scale while nothing overflows, halves it when something does).
     */
    public static double largestSafeScale(float[] values, FloatFormat format) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        if (!(max > 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("the values need a finite non-zero maximum magnitude, got " + max);
        }
        return Math.scalb(1.0, Math.getExponent(format.maxFinite() / max));
    }

    /** {@link #flushedToZero()} as a fraction of all values. */
    public double flushedFraction() {
        return (double) flushedToZero / count;
    }

    /** {@link #overflowed()} as a fraction of all values. */
    public double overflowFraction() {
        return (double) overflowed / count;
    }

    /** One row per cast: format, scale, how many values were flushed to 0 and overflowed (counts), SQNR in dB. */
    public static Table table(List<CastDamage> casts) {
        Table t = Table.create("casting values to each format", StringColumn.create("format"),
                DoubleColumn.create("scale"), IntColumn.create("flushed to 0"), IntColumn.create("overflowed"),
                DoubleColumn.create("SQNR dB"));
        for (CastDamage d : casts) {
            t.stringColumn("format").append(d.format().name());
            t.doubleColumn("scale").append(d.scale());
            t.intColumn("flushed to 0").append(d.flushedToZero());
            t.intColumn("overflowed").append(d.overflowed());
            t.doubleColumn("SQNR dB").append(d.sqnrDb());
        }
        return t;
    }
}
