package org.quantcourse.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

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
        INDArray params = spec.equals("graph") ? m.toGraph().params() : m.toNetwork().params();
        assertEquals(params, spec.equals("graph") ? loaded.toGraph().params() : loaded.toNetwork().params());
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
        bytes[5] = 2;
        e = assertThrows(CorruptModelFileException.class, () -> CompressedModelFile.fromBytes(bytes));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
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

    private static void resealCrc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes, bytes.length - 4, 4).putInt((int) crc.getValue());
    }
}
