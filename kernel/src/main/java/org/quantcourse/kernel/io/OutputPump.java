package org.quantcourse.kernel.io;

import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Carries a cell's stdout/stderr text and display messages to IOPub in order, batching text into chunks, so user
 * threads never touch a socket (a stopped thread cannot leave a half-sent message) and printing megabytes stays
 * cheap. A daemon thread sends every {@value #FLUSH_INTERVAL_MS} ms; {@link #flush()} sends everything now.
 */
public final class OutputPump implements AutoCloseable {

    /** Text of one stream message is sent once it reaches this many characters. */
    public static final int CHUNK_CHARS = 64 * 1024;
    /** Writers wait while this many characters are queued and not yet sent. */
    public static final long MAX_PENDING_CHARS = 8L * 1024 * 1024;
    static final long FLUSH_INTERVAL_MS = 50;

    /** Sends one message (content plus the request it answers) on IOPub. */
    @FunctionalInterface
    public interface Publisher {
        /** Sends the content with the given parent request. */
        void publish(ContentType<?> content, MessageContext parent);
    }

    private final Publisher publisher;
    private final Object lock = new Object();
    private final Object sendLock = new Object();
    private final Deque<Object> queue = new ArrayDeque<>();
    private final Thread sender;
    private long pendingChars;
    private volatile MessageContext parent;
    private volatile boolean open = true;

    private OutputPump(Publisher publisher) {
        this.publisher = publisher;
        this.sender = new Thread(this::sendLoop, "kernel-output-pump");
        this.sender.setDaemon(true);
    }

    /** Starts a pump that publishes through the given publisher. */
    public static OutputPump start(Publisher publisher) {
        OutputPump pump = new OutputPump(publisher);
        pump.sender.start();
        return pump;
    }

    /** Sets the request that following output belongs to (the execute_request being run). */
    public void setParent(MessageContext request) {
        this.parent = request;
    }

    /** Queues text for a stream; waits while too much text is queued. */
    public void write(PublishStream.StreamType stream, String text) {
        if (text.isEmpty()) {
            return;
        }
        synchronized (lock) {
            awaitRoom();
            Object last = queue.peekLast();
            if (last instanceof StreamText pending && pending.stream == stream && pending.parent == parent
                    && pending.text.length() < CHUNK_CHARS) {
                pending.text.append(text);
            } else {
                queue.add(new StreamText(stream, parent, new StringBuilder(text)));
            }
            pendingChars += text.length();
            if (pendingChars >= CHUNK_CHARS) {
                lock.notifyAll();
            }
        }
    }

    /** Queues a display/update/clear message after all text written so far. */
    public void publish(ContentType<?> content) {
        synchronized (lock) {
            queue.add(new Item(content, parent));
            lock.notifyAll();
        }
    }

    /** Sends everything queued so far, on the calling thread, before returning. */
    public void flush() {
        synchronized (sendLock) {
            Object next;
            while ((next = take()) != null) {
                send(next);
            }
        }
    }

    @Override
    public void close() {
        open = false;
        flush();
        sender.interrupt();
    }

    private void awaitRoom() {
        if (Thread.currentThread() == sender) {
            return;
        }
        while (pendingChars > MAX_PENDING_CHARS && open) {
            try {
                lock.wait(FLUSH_INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Object take() {
        synchronized (lock) {
            Object next = queue.poll();
            if (next instanceof StreamText text) {
                pendingChars -= text.text.length();
                lock.notifyAll();
            }
            return next;
        }
    }

    private void send(Object next) {
        try {
            if (next instanceof StreamText text) {
                publisher.publish(new PublishStream(text.stream, text.text.toString()), text.parent);
            } else if (next instanceof Item item) {
                publisher.publish(item.content, item.parent);
            }
        } catch (RuntimeException e) {
            KernelLog.warn("could not publish output: " + e);
        }
    }

    private void sendLoop() {
        while (open) {
            try {
                synchronized (lock) {
                    if (queue.isEmpty() || pendingChars < CHUNK_CHARS) {
                        lock.wait(FLUSH_INTERVAL_MS);
                    }
                }
                flush();
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                KernelLog.warn("output pump: " + t);
            }
        }
    }

    private record StreamText(PublishStream.StreamType stream, MessageContext parent, StringBuilder text) {
    }

    private record Item(ContentType<?> content, MessageContext parent) {
    }
}
