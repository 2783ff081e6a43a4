package org.quantcourse.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final List<String> displayed = new ArrayList<>();
    private final List<String> updates = new ArrayList<>();

    @Test
    void notebookProgressDisplaysOnceThenUpdatesTheSameLineInPlace() {
        NotebookProgress progress = notebook();
        progress.onBatch(batch(1));
        clock.addAndGet(300 * MS);
        progress.onBatch(batch(2));
        progress.onEpoch(new EpochResult(1, 3, 0.5, Double.NaN, 0.9, 0.01, 12, 800));
        assertEquals(List.of(batch(1).line()), displayed);
        assertEquals(List.of("out-1:" + batch(2).line(), "out-1:" + "epoch 1/3 done · loss 0.5000 · test acc 90.00%"
                + " · lr 0.01000 · 0:12 · 800 img/s"), updates);
    }

    @Test
    void notebookProgressShowsAtMostFourBatchUpdatesASecond() {
        NotebookProgress progress = notebook();
        for (int batch = 1; batch <= 100; batch++) {
            progress.onBatch(batch(batch));
            clock.addAndGet(10 * MS);
        }
        assertEquals(1, displayed.size());
        assertEquals(3, updates.size(), "1 s of batches: the first display and 3 updates");
    }

    @Test
    void notebookProgressLineNamesEpochBatchLossSpeedAndEta() {
        NotebookProgress progress = notebook();
        progress.onBatch(new Progress(2, 10, 312, 938, 0.23456, 812.4, 83));
        assertEquals("epoch 2/10 · batch 312/938 · loss 0.2346 · 812 img/s · ETA 1:23", displayed.get(0));
    }

    @Test
    void notebookProgressReportsAFailureInTheSameLine() {
        NotebookProgress progress = notebook();
        progress.onBatch(batch(1));
        progress.onFailure(new IllegalStateException("loss became NaN"));
        assertEquals(List.of("out-1:stopped: loss became NaN"), updates);
    }

    @Test
    void failureWithoutMessageIsNamedByItsType() {
        NotebookProgress progress = notebook();
        progress.onFailure(new ThreadDeath());
        assertEquals(List.of("stopped: ThreadDeath"), displayed);
    }

    @Test
    void notebookProgressNeedsBothFunctions() {
        assertThrows(IllegalArgumentException.class, () -> NotebookProgress.of(null, (id, o) -> { }));
    }

    @Test
    void consoleBarRedrawsInPlaceAndEndsEachEpochWithALine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgressBar bar = ConsoleProgressBar.to(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                clock::get);
        bar.onBatch(new Progress(1, 2, 5, 10, 1.0, 100, 20));
        bar.onEpoch(new EpochResult(1, 2, 0.9, Double.NaN, Double.NaN, 0.01, 3, 100));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\r[############............] epoch 1/2 · batch 5/10"), text);
        assertTrue(text.contains("\r[########################] epoch 1/2 done") && text.endsWith("\n"), text);
    }

    @Test
    void durationsAreMinutesSecondsOrHours() {
        assertEquals("1:05", Progress.duration(65));
        assertEquals("1:01:01", Progress.duration(3661));
        assertEquals("?", Progress.duration(Double.NaN));
    }

    private NotebookProgress notebook() {
        return NotebookProgress.of(o -> {
            displayed.add((String) o);
            return "out-1";
        }, (id, o) -> updates.add(id + ":" + o), clock::get);
    }

    private static Progress batch(int batch) {
        return new Progress(1, 3, batch, 100, 1.0 / batch, 700, 60);
    }
}
