package org.quantcourse.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Identifies a trained model: SHA-256 of the network configuration (JSON), its initial parameters, the trainer
 * settings and a fingerprint of the data that the caller gives (e.g. "mnist-train-60000"). Used in notebook 04.
 */
public record CacheKey(String hash, String trainerSettings, String dataFingerprint) {

    /** The key for training {@code net} (before training) with {@code trainer} on the described data. */
    public static CacheKey of(MultiLayerNetwork net, Trainer trainer, String dataFingerprint) {
        if (dataFingerprint == null || dataFingerprint.isBlank()) {
            throw new IllegalArgumentException("Give a data fingerprint that changes when the data changes, e.g."
                    + " \"mnist-train-60000-seed42\".");
        }
        MessageDigest sha = sha256();
        sha.update(text("configuration", net.getLayerWiseConfigurations().toJson()));
        sha.update(parameters(net));
        sha.update(text("trainer", trainer.settings()));
        sha.update(text("data", dataFingerprint));
        return new CacheKey(HexFormat.of().formatHex(sha.digest()), trainer.settings(), dataFingerprint);
    }

    /** The first 12 hex digits, enough to tell keys apart by eye. */
    public String shortHash() {
        return hash.substring(0, 12);
    }

    private static byte[] text(String label, String value) {
        return (label + "\n" + value.length() + "\n" + value + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] parameters(MultiLayerNetwork net) {
        float[] values = net.params().toFloatVector();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return bytes.array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256, which every Java SE must have.", e);
        }
    }
}
