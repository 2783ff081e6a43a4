package org.quantcourse.train;

/**
 * Where a training run is after one batch; epochs and batches are 1-based, {@code batches} is -1 and
 * {@code etaSeconds} NaN while unknown. Used by the progress displays of notebook 04.
 */
public record Progress(int epoch, int epochs, int batch, int batches, double loss, double imagesPerSecond,
        double etaSeconds) {

    /** One line of text: epoch, batch, loss, images/s, ETA. */
    public String line() {
        String ofBatches = batches > 0 ? "/" + batches : "";
        return String.format(java.util.Locale.ROOT, "epoch %d/%d · batch %d%s · loss %.4f · %.0f img/s · ETA %s",
                epoch, epochs, batch, ofBatches, loss, imagesPerSecond, duration(etaSeconds));
    }

    /** The fraction of the current epoch done, or NaN when the number of batches is unknown. */
    public double epochFraction() {
        return batches > 0 ? Math.min(1.0, (double) batch / batches) : Double.NaN;
    }

    /** Formats seconds as m:ss or h:mm:ss; "?" when unknown. */
    public static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
