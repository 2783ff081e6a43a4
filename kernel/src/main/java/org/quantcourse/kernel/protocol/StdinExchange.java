package org.quantcourse.kernel.protocol;

import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.quantcourse.kernel.io.KernelLog;
import org.zeromq.ZMQ;

import java.io.InterruptedIOException;

/**
 * One input_request / input_reply exchange on the stdin channel, sent to the frontend that made the request. Stale
 * replies (left over from an interrupted request) are discarded first, as ipykernel does; then it waits in short
 * polls so an interrupt of the waiting (user) thread ends the wait. A reply naming another request as its parent
 * is skipped (jupyter_client's {@code input()} sends none, so a reply without parent is taken).
 */
final class StdinExchange {

    private static final int POLL_MS = 50;

    private StdinExchange() {
    }

    /** Sends the input request and returns the line the user typed (without a line terminator). */
    static String ask(StdinChannel stdin, MessageReader reader, ZMQ.Context context, MessageContext request,
                      String prompt, boolean password) throws InterruptedIOException {
        synchronized (stdin) {
            Message<InputRequest> ask = new Message<>(request, InputRequest.MESSAGE_TYPE,
                    new InputRequest(prompt, password));
            try (ZMQ.Poller poller = context.poller(1)) {
                poller.register(stdin, ZMQ.Poller.POLLIN);
                discardStale(stdin, poller);
                stdin.sendMessage(ask);
                return awaitReply(stdin, reader, poller, ask.getHeader().getId());
            }
        }
    }

    private static String awaitReply(StdinChannel stdin, MessageReader reader, ZMQ.Poller poller, String askId)
            throws InterruptedIOException {
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedIOException("interrupted while waiting for input");
            }
            if (poller.poll(POLL_MS) > 0 && poller.pollin(0)) {
                Message<?> reply = readQuietly(stdin, reader);
                if (reply != null && isReplyTo(reply, askId)) {
                    String value = ((InputReply) reply.getContent()).getValue();
                    return value == null ? "" : value;
                }
            }
        }
    }

    private static void discardStale(StdinChannel stdin, ZMQ.Poller poller) {
        while (poller.poll(0) > 0 && poller.pollin(0)) {
            MessageReader.receiveFrames(stdin);
        }
    }

    private static boolean isReplyTo(Message<?> reply, String askId) {
        return reply.getHeader().getType() == MessageType.INPUT_REPLY
                && (!reply.hasParentHeader() || askId.equals(reply.getParentHeader().getId()));
    }

    private static Message<?> readQuietly(StdinChannel stdin, MessageReader reader) {
        try {
            return reader.read(stdin);
        } catch (WireMessage.RejectedMessage e) {
            KernelLog.warn("dropped a message on stdin: " + e.getMessage());
            return null;
        }
    }
}
