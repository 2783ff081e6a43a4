package org.quantcourse.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads whole Jupyter messages from a socket: always exactly one ZeroMQ multipart message at a time, so a malformed
 * one (a lone garbage frame, missing parts) is dropped alone and the next message is read intact. Checks the HMAC
 * signature in constant time and, when the connection has a key, rejects a signature seen before (a replay).
 */
final class MessageReader {

    private static final Type JSON_OBJECT = new TypeToken<Map<String, Object>>() { }.getType();
    private static final Gson GSON = gson();

    private final HMACGenerator signer;
    private final DigestHistory history;

    private MessageReader(HMACGenerator signer, DigestHistory history) {
        this.signer = signer;
        this.history = history;
    }

    /** A reader checking signatures with the signer and replays against the shared history. */
    static MessageReader of(HMACGenerator signer, DigestHistory history) {
        return new MessageReader(signer, history);
    }

    private static Gson gson() {
        Gson replies = new GsonBuilder()
                .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
                .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
                .create();
        return new GsonBuilder()
                .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
                .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
                .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
                .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
                .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
                .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(replies))
                .create();
    }

    /** Receives every frame of the next multipart message (blocking until one arrives). */
    static List<byte[]> receiveFrames(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv(0);
            if (frame == null) {
                break;
            }
            frames.add(frame);
        } while (socket.hasReceiveMore());
        return frames;
    }

    /** Reads, verifies and decodes the next message of the socket. */
    Message<?> read(ZMQ.Socket socket) throws WireMessage.RejectedMessage {
        return decode(verify(WireMessage.of(receiveFrames(socket))));
    }

    private WireMessage verify(WireMessage wire) throws WireMessage.RejectedMessage {
        String expected = signer.calculateSignature(wire.header(), wire.parentHeader(), wire.metadata(), wire.content());
        if (expected == null || expected.isEmpty()) {
            return wire;
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                wire.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new WireMessage.RejectedMessage("invalid HMAC signature");
        }
        if (!history.firstSeen(wire.signature())) {
            throw new WireMessage.RejectedMessage("replayed: its signature was already used by an earlier message");
        }
        return wire;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Message<?> decode(WireMessage wire) throws WireMessage.RejectedMessage {
        try {
            Header<?> header = GSON.fromJson(utf8(wire.header()), Header.class);
            if (header == null || header.getType() == null || header.getType().getContentType() == null) {
                throw new WireMessage.RejectedMessage("a header without a known msg_type");
            }
            JsonElement parentJson = JsonParser.parseString(utf8(wire.parentHeader()));
            Header<?> parent = parentJson.isJsonObject() && !parentJson.getAsJsonObject().isEmpty()
                    ? GSON.fromJson(parentJson, Header.class) : null;
            Map<String, Object> metadata = GSON.fromJson(utf8(wire.metadata()), JSON_OBJECT);
            Object content = GSON.fromJson(utf8(wire.content()), header.getType().getContentType());
            return new Message(wire.identities(), header, parent, metadata, content, wire.buffers());
        } catch (RuntimeException e) {
            throw new WireMessage.RejectedMessage("unreadable JSON: " + e.getMessage());
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
