package org.quantcourse.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.quant.Scheme;

class CompressedModelFileTest {
    private static final long SEED = 11L;

    @TempDir
    Path dir;

    private static CompressedModel model(String spec) {
        MultiLayerNetwork net = TestNetworks.small(SEED);
        return switch (spec) {
            case "sym8-channel" -> ModelQuantizer.quantize(net, QuantSpec.symmetric(8).perChannel());
            case "asym3-group" -> ModelQuantizer.quantize(net, QuantSpec.asymmetric(3).perGroup(3));
            case "binary" -> ModelQuantizer.quantize(net, QuantSpec.binary().perChannel());
            case "ternary-fp32-output" -> ModelQuantizer.quantize(net, QuantSpec.ternary().keepFloat(4));
            case "graph" -> ModelQuantizer.quantize(TestNetworks.graph(SEED), QuantSpec.asymmetric(4).perChannel());
            case "w8a8" -> ModelQuantizer.quantize(net, QuantSpec.symmetric(8).perChannel().withActivations(8),
                    List.of(TestNetworks.inputs(1, 8)));
            default -> throw new IllegalArgumentException(spec);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sym8-channel", "asym3-group", "binary", "ternary-fp32-output", "w8a8", "graph"})
    void saveLoadRoundTripGivesTheSameModel(String spec) throws IOException {
        CompressedModel m = model(spec);
        Path file = dir.resolve(spec + ".qcm");
        CompressedModelFile.save(m, file);
        CompressedModel loaded = CompressedModelFile.load(file);
        assertEquals(m.kind(), loaded.kind());
        assertEquals(m.layers(), loaded.layers());
        assertEquals(m.configJson(), loaded.configJson());
        INDArray x = spec.equals("graph") ? TestNetworks.inputs(SEED, 8).reshape(8, 64) : TestNetworks.inputs(SEED, 8);
        assertEquals(m.output(x), loaded.output(x));
        INDArray params = spec.equals("graph") ? m.weightOnlyGraph().params() : m.weightOnlyNetwork().params();
        assertEquals(params, spec.equals("graph") ? loaded.weightOnlyGraph().params() : loaded.weightOnlyNetwork().params());
    }

    @Test
    void fileIsSmallerThanTheFp32ParametersPlusConfiguration() throws IOException {
        CompressedModel m = model("binary");
        byte[] bytes = CompressedModelFile.toBytes(m);
        long config = m.configJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(bytes.length - config < m.sizeReport().fp32Bytes(), "codes are stored packed");
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        byte[] bytes = CompressedModelFile.toBytes(model("sym8-channel"));
        for (int length : new int[] {0, 3, 10, 17, bytes.length / 2, bytes.length - 1}) {
            Path file = dir.resolve("cut" + length);
            Files.write(file, Arrays.copyOf(bytes, length));
            CorruptModelFileException e = assertThrows(CorruptModelFileException.class,
                    () -> CompressedModelFile.load(file));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(length < 4 ? e.getMessage().contains("magic") : e.getMessage().contains("truncated"),
                    length + ": " + e.getMessage());
        }
    }

    @Test
    void everySingleByteChangeIsDetected() {
        byte[] bytes = CompressedModelFile.toBytes(model("asym3-group"));
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x10;
            assertThrows(CorruptModelFileException.class, () -> CompressedModelFile.fromBytes(tampered),
                    "byte " + i);
        }
    }

    @Test
    void extraBytesAreRejected() {
        byte[] bytes = CompressedModelFile.toBytes(model("binary"));
        CorruptModelFileException e = assertThrows(CorruptModelFileException.class,
                () -> CompressedModelFile.fromBytes(Arrays.copyOf(bytes, bytes.length + 3)));
        assertTrue(e.getMessage().contains("extra bytes"), e.getMessage());
    }

    @Test
    void otherFilesAndVersionsAreRejected() {
        CorruptModelFileException e = assertThrows(CorruptModelFileException.class,
                () -> CompressedModelFile.fromBytes("{\"not\": \"a model\"}".getBytes()));
        assertTrue(e.getMessage().contains("magic"));
        byte[] bytes = CompressedModelFile.toBytes(model("binary"));
        bytes[5] = (byte) (CompressedModelFile.VERSION + 1);
        e = assertThrows(CorruptModelFileException.class, () -> CompressedModelFile.fromBytes(bytes));
        assertTrue(e.getMessage().contains("version " + (CompressedModelFile.VERSION + 1)), e.getMessage());
        assertTrue(e.getMessage().contains("update the course library"), e.getMessage());
        bytes[5] = 0;
        e = assertThrows(CorruptModelFileException.class, () -> CompressedModelFile.fromBytes(bytes));
        assertTrue(e.getMessage().contains("version 0"), e.getMessage());
    }

    @Test
    void consistentButInvalidContentIsRejected() {
        CompressedModel m = model("sym8-channel");
        byte[] bytes = CompressedModelFile.toBytes(m);
        int jsonLength = ByteBuffer.wrap(bytes, 15, 4).getInt(); // after header (14) and model kind (1)
        int layerCountAt = 15 + 4 + jsonLength;
        ByteBuffer.wrap(bytes, layerCountAt, 4).putInt(m.layers().size() + 1);
        resealCrc(bytes);
        assertThrows(CorruptModelFileException.class, () -> CompressedModelFile.fromBytes(bytes));
        ByteBuffer.wrap(bytes, layerCountAt, 4).putInt(-1);
        resealCrc(bytes);
        CorruptModelFileException e = assertThrows(CorruptModelFileException.class,
                () -> CompressedModelFile.fromBytes(bytes));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void savingReplacesAnExistingFileWhole() throws IOException {
        Path file = dir.resolve("model.qcm");
        CompressedModelFile.save(model("sym8-channel"), file);
        CompressedModel small = model("binary");
        CompressedModelFile.save(small, file);
        assertArrayEquals(CompressedModelFile.toBytes(small), Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @ParameterizedTest(name = "a {0} announced with a valid CRC gives CorruptModelFileException, not OutOfMemoryError")
    @ValueSource(strings = {"huge string", "huge packed codes"})
    void hugeAnnouncedLengthIsRejectedBeforeAllocating(String what) {
        CompressedModel m = model("sym8-channel");
        byte[] bytes = CompressedModelFile.toBytes(m);
        int at = what.equals("huge string") ? 15 : packedCountOffset(bytes, m);
        ByteBuffer.wrap(bytes, at, 4).putInt(Integer.MAX_VALUE - 8);
        resealCrc(bytes);
        CorruptModelFileException e = assertThrows(CorruptModelFileException.class,
                () -> CompressedModelFile.fromBytes(bytes));
        assertTrue(e.getMessage().contains("announce " + (Integer.MAX_VALUE - 8) + " bytes"), e.getMessage());
    }

    @Test
    void codesInTheFileAreTheDocumentedOnesNotEnumOrdinals() {
        assertEquals(Map.of(Scheme.SYMMETRIC, 0, Scheme.ASYMMETRIC, 1, Scheme.BINARY, 2, Scheme.TERNARY, 3),
                Arrays.stream(Scheme.values()).collect(Collectors.toMap(s -> s, CompressedModelFile::schemeCode)));
        assertEquals(Map.of(CompressedModel.Kind.MULTI_LAYER_NETWORK, 0, CompressedModel.Kind.COMPUTATION_GRAPH, 1),
                Arrays.stream(CompressedModel.Kind.values())
                        .collect(Collectors.toMap(k -> k, CompressedModelFile::kindCode)));
        assertEquals(1, CompressedModelFile.toBytes(model("graph"))[14], "the kind byte follows the 14-byte header");
    }

    @Test
    void fileOfFormatVersion1SavedByTheEarlierLibraryStillLoads() throws Exception {
        byte[] bytes;
        try (var in = getClass().getResourceAsStream("article-cnn-8px-format1.qcmf")) {
            bytes = in.readAllBytes();
        }
        assertEquals(1, bytes[5], "the fixture is a version-1 file");
        CompressedModel loaded = CompressedModelFile.fromBytes(bytes);
        assertTrue(loaded.quantizesActivations());
        float[] expected = floats("article-cnn-8px-format1.output.txt");
        assertArrayEquals(expected, loaded.output(legacyInputs()).data().asFloat(), 1e-6f);
        assertEquals(CompressedModelFile.VERSION, CompressedModelFile.toBytes(loaded)[5], "saved again, it is current");
    }

    /** Offset of the packed-byte count of layer 0's quantized weight (parameters before it are FP32 here). */
    private static int packedCountOffset(byte[] bytes, CompressedModel m) {
        int at = 15 + 4 + ByteBuffer.wrap(bytes, 15, 4).getInt() + 4; // kind, config JSON, layer count
        at += 4 + 4 + ByteBuffer.wrap(bytes, at + 4, 4).getInt(); // index, name
        at += 4 + ByteBuffer.wrap(bytes, at, 4).getInt() + 1 + 4; // type, has-input-params, parameter count
        for (LayerParam p : m.layer(0).params().values()) {
            at += 4 + ByteBuffer.wrap(bytes, at, 4).getInt() + 1 + 1 + 8 * p.shape().length; // name, kind, shape
            if (p instanceof LayerParam.Float32 f) {
                at += 4 * f.values().length;
                continue;
            }
            LayerParam.Quantized w = (LayerParam.Quantized) p;
            at += 1 + 1 + 4 + 4 + 1 + 4 + 4 + 4 + 8 * w.tensor().params().groups(); // quantization parameters
            assertEquals(w.tensor().packed().length, ByteBuffer.wrap(bytes, at, 4).getInt(), "found the packed count");
            return at;
        }
        throw new AssertionError("layer 0 has no quantized weight");
    }

    /** The 3 images of 8×8 the fixture's outputs were computed on: pixel i = (7i mod 13) / 13. */
    private static INDArray legacyInputs() {
        float[] pixels = new float[3 * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 7 % 13) / 13f;
        }
        return Nd4j.create(pixels, new long[] {3, 1, 8, 8});
    }

    private static float[] floats(String resource) throws IOException {
        try (var in = CompressedModelFileTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String[] values = text.substring(1, text.length() - 1).split(",");
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = Float.parseFloat(values[i].trim());
            }
            return out;
        }
    }

    private static void resealCrc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes, bytes.length - 4, 4).putInt((int) crc.getValue());
    }
}
