package org.quantcourse.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One Jupyter message as the frames of a single ZeroMQ multipart message: routing identities, the
 * {@code <IDS|MSG>} delimiter, the HMAC signature, header, parent header, metadata, content and buffers.
 */
record WireMessage(List<byte[]> identities, String signature, byte[] header, byte[] parentHeader, byte[] metadata,
                   byte[] content, List<byte[]> buffers) {

    /** The frame separating routing identities from the message. */
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final int SIGNED_PARTS = 5;

    /** Splits the frames of one multipart message; a message without delimiter or with missing parts is rejected. */
    static WireMessage of(List<byte[]> frames) throws RejectedMessage {
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0) {
            throw new RejectedMessage("no <IDS|MSG> delimiter among its " + frames.size() + " frame(s)");
        }
        List<byte[]> parts = frames.subList(delimiter + 1, frames.size());
        if (parts.size() < SIGNED_PARTS) {
            throw new RejectedMessage(parts.size() + " frame(s) after the delimiter, at least " + SIGNED_PARTS
                    + " needed (signature, header, parent header, metadata, content)");
        }
        return new WireMessage(List.copyOf(frames.subList(0, delimiter)),
                new String(parts.get(0), StandardCharsets.US_ASCII), parts.get(1), parts.get(2), parts.get(3),
                parts.get(4), List.copyOf(parts.subList(SIGNED_PARTS, parts.size())));
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Why a message was dropped unread. */
    static final class RejectedMessage extends Exception {
        RejectedMessage(String reason) {
            super(reason);
        }
    }
}
