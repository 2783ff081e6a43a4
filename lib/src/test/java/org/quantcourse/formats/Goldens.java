package org.quantcourse.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The golden files made by make_goldens.py (next to them in the test resources) and the same hashing. */
final class Goldens {
    private Goldens() {}

    /** The data rows of a CSV resource (comments and the header skipped), split at commas. */
    static List<String[]> csv(String name) {
        List<String> lines = lines(name);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    }

    /** The lines of a resource that are not comments. */
    static List<String> lines(String name) {
        try (InputStream in = Goldens.class.getResourceAsStream(name);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value named {@code key} in exhaustive_sha256.txt. */
    static String hash(String key) {
        for (String line : lines("exhaustive_sha256.txt")) {
            String[] keyValue = line.split(" ");
            if (keyValue[0].equals(key)) {
                return keyValue[1];
            }
        }
        throw new IllegalArgumentException("no golden " + key);
    }

    /** SHA-256 of 16-bit codes, big-endian. */
    static String sha256OfCodes(int[] codes) {
        ByteBuffer b = ByteBuffer.allocate(codes.length * 2);
        for (int c : codes) {
            b.putShort((short) c);
        }
        return sha256(b.array());
    }

    /** SHA-256 of floats, big-endian IEEE bits. */
    static String sha256OfFloats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (float v : values) {
            b.putFloat(v);
        }
        return sha256(b.array());
    }

    /**
     * The tie set of make_goldens.py: for each pair of neighbouring positive finite values, their midpoint and
     * the floats just below and above it; then the same negated.
     */
    static float[] tieInputs(FloatFormat f) {
        int pairs = f.maxFiniteCode();
        float[] out = new float[pairs * 6];
        for (int c = 0; c < pairs; c++) {
            float mid = (float) (((double) f.decode(c) + f.decode(c + 1)) / 2);
            out[3 * c] = mid;
            out[3 * c + 1] = Math.nextDown(mid);
            out[3 * c + 2] = Math.nextUp(mid);
        }
        for (int i = 0; i < pairs * 3; i++) {
            out[pairs * 3 + i] = -out[i];
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
