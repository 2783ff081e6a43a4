package org.quantcourse.integer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/** Runs a per-image task over a batch, split into at most {@code threads} contiguous chunks. */
final class BatchRunner {
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "quantcourse-integer");
        t.setDaemon(true);
        return t;
    });

    private BatchRunner() {
    }

    /** Calls {@code perImage} for every image index of the batch, on up to {@code threads} threads. */
    static void run(int batch, int threads, IntConsumer perImage) {
        int chunks = Math.max(1, Math.min(threads, batch));
        if (chunks == 1) {
            for (int n = 0; n < batch; n++) {
                perImage.accept(n);
            }
            return;
        }
        CompletableFuture<?>[] parts = new CompletableFuture<?>[chunks];
        for (int t = 0; t < chunks; t++) {
            int from = (int) ((long) batch * t / chunks);
            int to = (int) ((long) batch * (t + 1) / chunks);
            parts[t] = CompletableFuture.runAsync(() -> {
                for (int n = from; n < to; n++) {
                    perImage.accept(n);
                }
            }, WORKERS);
        }
        CompletableFuture.allOf(parts).join();
    }
}
