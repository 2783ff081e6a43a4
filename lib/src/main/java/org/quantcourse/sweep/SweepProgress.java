package org.quantcourse.sweep;

import java.util.Locale;
import org.quantcourse.train.Progress;

/**
 * Where a sweep is after one model: {@code done} of {@code total} models evaluated, the last one's method, bits and
 * accuracy, and the seconds since the sweep started. Shown live in notebook 06 through a
 * {@link org.quantcourse.train.NotebookProgress}.
 */
public record SweepProgress(int done, int total, SweepMethod method, int bits, double accuracy,
        double elapsedSeconds) {

    /** Seconds still to go, assuming the remaining models take as long as the average one so far. */
    public double etaSeconds() {
        return done == 0 ? Double.NaN : elapsedSeconds / done * (total - done);
    }

    /** One line of text: models done, the last model and its accuracy, elapsed time, ETA. */
    public String line() {
        return String.format(Locale.ROOT, "model %d/%d · %s at %d bits: accuracy %.2f%% · %s · ETA %s", done, total,
                method.name(), bits, 100 * accuracy, Progress.duration(elapsedSeconds), Progress.duration(etaSeconds()));
    }

    /** The closing line: how many models in how long. */
    public String summary() {
        return String.format(Locale.ROOT, "%d models evaluated in %s", done, Progress.duration(elapsedSeconds));
    }
}
