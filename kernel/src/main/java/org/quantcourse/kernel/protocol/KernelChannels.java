package org.quantcourse.kernel.protocol;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.quantcourse.kernel.io.KernelLog;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The kernel's five ZeroMQ sockets and the threads serving them. Messages are read one whole multipart message at
 * a time; one whose framing is broken, whose HMAC signature is wrong or missing (when a key is set), or that
 * replays an earlier signature, is logged and dropped alone before any handler sees it. Shell and control are served
 * by separate threads, so an interrupt_request on control reaches the kernel while a cell runs. After a failed cell
 * with {@code stop_on_error}, the execute requests already queued are answered {@code aborted}, as ipykernel does.
 */
public final class KernelChannels implements AutoCloseable {

    private static final long SHELL_STACK_BYTES = 64L * 1024 * 1024;
    private static final int POLL_MS = 100;
    private static final int LINGER_MS = 1000;

    private final KernelConnectionProperties connection;
    private final ZMQ.Context context = ZMQ.context(1);
    private final ShellChannel shell;
    private final ShellChannel control;
    private final IOPubChannel iopub;
    private final StdinChannel stdin;
    private final ZMQ.Socket heartbeat;
    private final Map<MessageType<?>, ShellHandler<?>> shellHandlers = new ConcurrentHashMap<>();
    private final Map<MessageType<?>, ShellHandler<?>> controlHandlers = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final MessageReader reader;
    private volatile boolean running = true;
    private final List<Message<?>> queuedAtFailure = new ArrayList<>();
    private volatile long rejectedMessages;

    private KernelChannels(KernelConnectionProperties connection) throws GeneralSecurityException {
        this.connection = connection;
        context.setThreadFactor((loop, name) -> ResilientThread.daemon(name, loop));
        HMACGenerator signer = connection.createHMACGenerator();
        this.reader = MessageReader.of(signer, DigestHistory.ofSize(DigestHistory.DEFAULT_SIZE));
        this.shell = new ShellChannel(context, signer, false, null);
        this.control = new ShellChannel(context, signer, true, null);
        this.iopub = new IOPubChannel(context, signer);
        this.stdin = new StdinChannel(context, signer);
        this.heartbeat = context.socket(SocketType.REP);
    }

    /** Creates and binds all sockets of a connection file. */
    public static KernelChannels bind(KernelConnectionProperties connection) throws GeneralSecurityException {
        KernelChannels channels = new KernelChannels(connection);
        channels.shell.bind(address(connection, connection.getShellPort()));
        channels.control.bind(address(connection, connection.getControlPort()));
        channels.iopub.bind(address(connection, connection.getIopubPort()));
        channels.stdin.bind(address(connection, connection.getStdinPort()));
        channels.heartbeat.bind(address(connection, connection.getHbPort()));
        for (ZMQ.Socket socket : new ZMQ.Socket[]{channels.shell, channels.control, channels.iopub, channels.stdin,
                channels.heartbeat}) {
            socket.setLinger(LINGER_MS);
        }
        return channels;
    }

    private static String address(KernelConnectionProperties connection, int port) {
        return "ipc".equals(connection.getTransport())
                ? "ipc://" + connection.getIp() + "-" + port
                : connection.getTransport() + "://" + connection.getIp() + ":" + port;
    }

    /** Routes a shell-channel message type to a handler. */
    public <T> void onShell(MessageType<T> type, ShellHandler<T> handler) {
        shellHandlers.put(type, handler);
    }

    /** Routes a control-channel message type to a handler. */
    public <T> void onControl(MessageType<T> type, ShellHandler<T> handler) {
        controlHandlers.put(type, handler);
    }

    /** Sends a message on IOPub with the given parent request (null for none). */
    public void publish(ContentType<?> content, MessageContext parent) {
        sendIopub(content, parent);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void sendIopub(ContentType content, MessageContext parent) {
        iopub.sendMessage(new Message(parent, content.getType(), content));
    }

    /**
     * Takes the requests queued on shell at this moment, so that once the running handler returns their execute
     * requests are answered {@code aborted}; called on the shell thread by a failing execute_request with
     * {@code stop_on_error}, before its error reply goes out, so a request sent after that reply runs normally.
     */
    public void abortQueuedExecutions() {
        try (ZMQ.Poller poller = context.poller(1)) {
            poller.register(shell, ZMQ.Poller.POLLIN);
            while (poller.poll(0) > 0 && poller.pollin(0)) {
                Message<?> message = receive(shell);
                if (message != null) {
                    queuedAtFailure.add(message);
                }
            }
        }
    }

    /**
     * Asks the frontend for one line on the stdin channel (input_request) on behalf of the request, and waits for
     * its input_reply; an interrupt of the waiting thread ends the wait.
     */
    public String requestInput(MessageContext request, String prompt, boolean password) throws InterruptedIOException {
        return StdinExchange.ask(stdin, reader, context, request, prompt, password);
    }

    /** The IOPub socket, for the library's comm manager. */
    public JupyterSocket iopubSocket() {
        return iopub;
    }

    /** How many messages were dropped for a bad signature or an unreadable form. */
    public long rejectedMessages() {
        return rejectedMessages;
    }

    /** Publishes status "starting" and starts serving heartbeat, control and shell. */
    public void start() {
        publish(PublishStatus.STARTING, null);
        ResilientThread.daemon("kernel-heartbeat", this::serveHeartbeat).start();
        ResilientThread.daemon("kernel-control", () -> serve(control, controlHandlers)).start();
        ResilientThread.daemon("kernel-shell", SHELL_STACK_BYTES, () -> serve(shell, shellHandlers)).start();
    }

    /** Waits until a shutdown request was handled (or the channels were closed). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    private void serve(ShellChannel socket, Map<MessageType<?>, ShellHandler<?>> handlers) {
        ZMQ.Poller poller = context.poller(1);
        try {
            poller.register(socket, ZMQ.Poller.POLLIN);
            while (running) {
                if (poller.poll(POLL_MS) > 0 && poller.pollin(0)) {
                    receiveAndHandle(socket, handlers);
                }
                if (socket == shell && !queuedAtFailure.isEmpty()) {
                    abortQueued(socket, handlers);
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                KernelLog.warn(Thread.currentThread().getName() + " stopped: " + e);
            }
        } finally {
            closeQuietly(poller);
        }
    }

    /**
     * Closes a poller without try-with-resources: with the heap full the JVM throws one shared OutOfMemoryError
     * instance, and a close failing with it would be "suppressed" into itself, which Java refuses.
     */
    private static void closeQuietly(ZMQ.Poller poller) {
        try {
            poller.close();
        } catch (RuntimeException | OutOfMemoryError e) {
            KernelLog.debug("could not close a poller: " + e);
        }
    }

    private void receiveAndHandle(ShellChannel socket, Map<MessageType<?>, ShellHandler<?>> handlers) {
        Message<?> message = receive(socket);
        if (message != null) {
            dispatch(socket, handlers, message);
        }
    }

    private Message<?> receive(ShellChannel socket) {
        try {
            return reader.read(socket);
        } catch (WireMessage.RejectedMessage e) {
            rejectedMessages++;
            KernelLog.warn("dropped a message on " + Thread.currentThread().getName() + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Answers the execute requests that were queued when a cell failed {@code aborted} (other requests among them
     * are handled); requests arriving later run normally, like ipykernel's stop-aborting marker behind the queue.
     */
    private void abortQueued(ShellChannel socket, Map<MessageType<?>, ShellHandler<?>> handlers) {
        List<Message<?>> queued = new ArrayList<>(queuedAtFailure);
        queuedAtFailure.clear();
        for (Message<?> message : queued) {
            if (message.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
                replyAborted(socket, message);
            } else {
                dispatch(socket, handlers, message);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void replyAborted(ShellChannel socket, Message<?> request) {
        KernelLog.debug("aborted queued execute_request " + request.getHeader().getId() + " after an error");
        ShellReplyEnvironment env = new ReplyEnvironment(socket, stdin, iopub, request);
        env.setBusyDeferIdle();
        env.reply(new Message(request, MessageType.EXECUTE_REPLY, new Replies.Aborted()));
        env.resolveDeferrals();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(ShellChannel socket, Map<MessageType<?>, ShellHandler<?>> handlers, Message<?> message) {
        ShellHandler handler = handlers.get(message.getHeader().getType());
        if (handler == null) {
            KernelLog.debug("no handler for " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = new ReplyEnvironment(socket, stdin, iopub, message);
        try {
            handler.handle(env, message);
        } catch (Throwable t) {
            KernelLog.warn("handling " + message.getHeader().getType().getName() + " failed: " + t);
            t.printStackTrace(KernelLog.originalErr());
        } finally {
            try {
                env.resolveDeferrals();
            } catch (RuntimeException e) {
                KernelLog.warn("could not finish the reply: " + e);
            }
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            stopped.countDown();
        }
    }

    private void serveHeartbeat() {
        ZMQ.Poller poller = context.poller(1);
        try {
            poller.register(heartbeat, ZMQ.Poller.POLLIN);
            while (running) {
                if (poller.poll(POLL_MS) > 0 && poller.pollin(0)) {
                    byte[] ping = heartbeat.recv(ZMQ.DONTWAIT);
                    if (ping != null) {
                        heartbeat.send(ping, 0);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                KernelLog.warn("heartbeat stopped: " + e);
            }
        } finally {
            closeQuietly(poller);
        }
    }

    @Override
    public void close() {
        running = false;
        stopped.countDown();
        try {
            Thread.sleep(2L * POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (JupyterSocket socket : new JupyterSocket[]{shell, control, iopub, stdin}) {
            socket.close();
        }
        heartbeat.close();
        context.close();
    }

    /** A reply environment bound to one request (the constructor of the library's class is protected). */
    private static final class ReplyEnvironment extends ShellReplyEnvironment {
        ReplyEnvironment(ShellChannel shell, StdinChannel stdin, JupyterSocket iopub, MessageContext context) {
            super(shell, stdin, iopub, context);
        }
    }
}
