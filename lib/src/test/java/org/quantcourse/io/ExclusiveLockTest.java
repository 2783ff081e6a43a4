package org.quantcourse.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExclusiveLockTest {

    private static final long WAIT_SECONDS = 60;
    private static final long STILL_BLOCKED_MILLIS = 500;

    @Test
    void anotherProcessHoldingTheLockMakesUsWaitUntilItLetsGo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.lock");
        Process holder = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), file.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine(), "the other process holds the lock");
            AtomicInteger waits = new AtomicInteger();
            CompletableFuture<Void> ours = CompletableFuture.runAsync(() -> lockAndRelease(file, waits));
            Thread.sleep(STILL_BLOCKED_MILLIS);
            assertFalse(ours.isDone(), "we wait while the other process holds it");
            holder.getOutputStream().close();
            ours.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(1, waits.get(), "the caller is told once that it waits");
        } finally {
            holder.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void threadsOfOneProcessTakeTurnsAndAFreeLockNeverWaits(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.lock");
        AtomicInteger waits = new AtomicInteger();
        CompletableFuture<Void> second;
        try (ExclusiveLock held = ExclusiveLock.acquire(file, waits::incrementAndGet)) {
            assertEquals(0, waits.get(), "a free lock is taken at once");
            second = CompletableFuture.runAsync(() -> lockAndRelease(file, waits));
            Thread.sleep(STILL_BLOCKED_MILLIS);
            assertFalse(second.isDone(), "the second thread waits for the first");
        }
        second.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, waits.get());
        try (ExclusiveLock again = ExclusiveLock.acquire(file, waits::incrementAndGet)) {
            assertTrue(file.toFile().isFile(), "the lock file stays for the next one");
        }
    }

    private static void lockAndRelease(Path file, AtomicInteger waits) {
        try (ExclusiveLock lock = ExclusiveLock.acquire(file, waits::incrementAndGet)) {
            assertTrue(file.toFile().isFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A second process: takes the lock, says "locked", and lets go when its standard input closes. */
    public static final class LockHolder {
        public static void main(String[] args) throws IOException {
            try (ExclusiveLock lock = ExclusiveLock.acquire(Path.of(args[0]), () -> { })) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // holds the lock until the test closes our standard input
                }
            }
        }
    }
}
