package org.quantcourse.train;

import java.util.Locale;

/**
 * Metrics of one finished epoch (1-based); accuracies are NaN when not measured. Used in notebook 04.
 */
public record EpochResult(int epoch, int epochs, double loss, double trainAccuracy, double testAccuracy,
        double learningRate, double seconds, double imagesPerSecond) {

    /** One line of text summarising the epoch. */
    public String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d done · loss %.4f", epoch,
                epochs, loss));
        if (!Double.isNaN(trainAccuracy)) {
            line.append(String.format(Locale.ROOT, " · train acc %.2f%%", 100 * trainAccuracy));
        }
        if (!Double.isNaN(testAccuracy)) {
            line.append(String.format(Locale.ROOT, " · test acc %.2f%%", 100 * testAccuracy));
        }
        return line.append(String.format(Locale.ROOT, " · lr %.4g · %s · %.0f img/s", learningRate,
                Progress.duration(seconds), imagesPerSecond)).toString();
    }
}
