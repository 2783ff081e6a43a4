package org.quantcourse.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a lock file, held by one thread of one process at a time: two kernels (or two threads) that
 * would train the same missing model take turns, and the second finds the first one's model instead of training it
 * again. Threads of one JVM queue on a {@link ReentrantLock} per file, processes on the operating system's file lock.
 */
public final class ExclusiveLock implements AutoCloseable {

    private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private ExclusiveLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Takes the lock on {@code lockFile} (created if missing), calling {@code onWait} once if it must wait. */
    public static ExclusiveLock acquire(Path lockFile, Runnable onWait) throws IOException {
        Path file = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
        boolean waited = !threadLock.tryLock();
        if (waited) {
            onWait.run();
            threadLock.lock();
        }
        try {
            return lockFile(threadLock, file, waited ? () -> { } : onWait);
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    private static ExclusiveLock lockFile(ReentrantLock threadLock, Path file, Runnable onWait) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                onWait.run();
                lock = channel.lock();
            }
            return new ExclusiveLock(threadLock, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Releases the lock (the lock file stays, empty, for the next one). */
    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }

}
