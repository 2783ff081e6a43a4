package org.quantcourse.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** SHA-256 digests: computing them, reading sha256sum files and checking files against them. */
final class Sha256 {

    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Lower-case hex SHA-256 of {@code content}. */
    static String of(byte[] content) {
        return HexFormat.of().formatHex(newDigest().digest(content));
    }

    /** Parses {@code sha256sum} output ("hex  name" or "hex *name" per line) into name → hex. */
    static Map<String, String> parseSums(String source, String text) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.matches("[0-9a-fA-F]{64} [ *]\\S.*")) {
                throw new DatasetException(source + ": line '" + line + "' is not in sha256sum format"
                        + " ('<64 hex digits>  <file name>'); regenerate it with sha256sum");
            }
            sums.put(line.substring(66), line.substring(0, 64).toLowerCase());
        }
        return sums;
    }

    /** Throws unless the SHA-256 of {@code content} is one of {@code accepted}; {@code fix} says what to do. */
    static void verify(String source, byte[] content, Set<String> accepted, String fix) {
        String actual = of(content);
        if (!accepted.contains(actual)) {
            throw new DatasetException(source + ": SHA-256 is " + actual + " but " + String.join(" or ", accepted)
                    + " was expected, so the file is corrupt or not the expected release. " + fix);
        }
    }
}
