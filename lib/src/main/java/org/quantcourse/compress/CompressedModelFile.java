package org.quantcourse.compress;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.quantcourse.io.AtomicFile;
import org.quantcourse.quant.Granularity;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.QuantizedTensor;
import org.quantcourse.quant.Scheme;

/**
 * Saves and loads a {@link CompressedModel} as a binary file; a truncated or modified file is rejected with a
 * {@link CorruptModelFileException}, never loaded as a wrong model. Used in notebook 05.
 *
 * <p>Format, version 2, big-endian ({@link DataOutputStream}); {@code str} is a u32 byte count then UTF-8 bytes.
 * Every code below is written from an explicit table, never from an enum's {@code ordinal()}, so reordering an enum
 * cannot change the format. Every count and length is checked against the bytes that remain before anything is
 * allocated. Version 1 has the same layout and codes (they were ordinals then) and is still read.
 * <pre>
 * header   : magic "QCMF" (4 bytes) | u16 version = 2 | u64 total file length in bytes
 * model    : u8 kind (0 MultiLayerNetwork, 1 ComputationGraph) | str DL4J configuration JSON
 * layers   : u32 count, then per layer:
 *              u32 index | str name | str type | u8 has-input-params | [params] | u32 parameter count,
 *              then per parameter: str name | u8 kind | u8 rank | i64[rank] shape | payload
 *                kind 0 (FP32)     : f32[n] values
 *                kind 1 (quantized): params | u32 byte count | packed codes (see BitPacker)
 *                kind 2 (int32)    : f32[n] scales | i32[n] values
 * params   : u8 scheme (0 symmetric, 1 asymmetric, 2 binary, 3 ternary) | u8 bits | i32 qmin | i32 qmax
 *            | u8 granularity (0 tensor, 1 channel, 2 group) | i32 axis | i32 group size
 *            | u32 groups | f32[groups] scales | i32[groups] zero-points
 * trailer  : u32 CRC32 of every byte before it
 * </pre>
 */
public final class CompressedModelFile {
    /** The four magic bytes "QCMF". */
    public static final byte[] MAGIC = {'Q', 'C', 'M', 'F'};
    /** The format version this class writes. */
    public static final int VERSION = 2;
    /** The oldest format version this class reads. */
    public static final int OLDEST_READABLE_VERSION = 1;
    private static final int HEADER_BYTES = 4 + 2 + 8;
    private static final int TRAILER_BYTES = 4;

    private CompressedModelFile() {}

    /** Writes {@code model} to {@code path} (via a temporary file, so an existing file is never half-written). */
    public static void save(CompressedModel model, Path path) throws IOException {
        byte[] bytes = toBytes(model);
        AtomicFile.write(path, tmp -> Files.write(tmp, bytes));
    }

    /** Reads a model written by {@link #save}; a damaged file gives a {@link CorruptModelFileException}. */
    public static CompressedModel load(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        try {
            return fromBytes(bytes);
        } catch (CorruptModelFileException e) {
            throw new CorruptModelFileException(path + ": " + e.getMessage(), e.getCause());
        }
    }

    /** The file's bytes for {@code model}. */
    public static byte[] toBytes(CompressedModel model) {
        try {
            ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
            DataOutputStream body = new DataOutputStream(bodyBytes);
            body.writeByte(kindCode(model.kind()));
            writeString(body, model.configJson());
            body.writeInt(model.layers().size());
            for (CompressedLayer l : model.layers()) {
                writeLayer(body, l);
            }
            body.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(all);
            out.write(MAGIC);
            out.writeShort(VERSION);
            out.writeLong(HEADER_BYTES + bodyBytes.size() + TRAILER_BYTES);
            bodyBytes.writeTo(out);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(all.toByteArray());
            out.writeInt((int) crc.getValue());
            return all.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    /** The model in {@code bytes}; checks magic, version, length and CRC32 before reading anything else. */
    public static CompressedModel fromBytes(byte[] bytes) throws CorruptModelFileException {
        checkEnvelope(bytes);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, HEADER_BYTES,
                bytes.length - HEADER_BYTES - TRAILER_BYTES));
        try {
            CompressedModel.Kind kind = kindOf(in.readUnsignedByte());
            String json = readString(in);
            int count = readCount(in, "layer count");
            List<CompressedLayer> layers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                layers.add(readLayer(in));
            }
            if (in.available() != 0) {
                throw new CorruptModelFileException(in.available() + " unexpected bytes after the last layer");
            }
            return new CompressedModel(kind, json, layers);
        } catch (EOFException e) {
            throw new CorruptModelFileException("records end before the data they announce: the file is damaged", e);
        } catch (CorruptModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptModelFileException("invalid content (" + e.getMessage() + "): the file is damaged", e);
        }
    }

    private static void checkEnvelope(byte[] bytes) throws CorruptModelFileException {
        if (bytes.length < 4 || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new CorruptModelFileException("not a compressed model file (no \"QCMF\" magic at the start)");
        }
        if (bytes.length < HEADER_BYTES + TRAILER_BYTES) {
            throw new CorruptModelFileException("truncated: " + bytes.length + " bytes is shorter than the header");
        }
        int version = ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff);
        if (version < OLDEST_READABLE_VERSION || version > VERSION) {
            throw new CorruptModelFileException("format version " + version + " is not supported: this library reads"
                    + " versions " + OLDEST_READABLE_VERSION + " to " + VERSION
                    + (version > VERSION ? "; update the course library" : ""));
        }
        long declared = java.nio.ByteBuffer.wrap(bytes, 6, 8).getLong();
        if (declared != bytes.length) {
            throw new CorruptModelFileException((declared > bytes.length ? "truncated" : "has extra bytes")
                    + ": the header says " + declared + " bytes but the file has " + bytes.length);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - TRAILER_BYTES);
        int stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - TRAILER_BYTES, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new CorruptModelFileException(String.format("CRC32 mismatch (stored %08x, computed %08x): the file"
                    + " was modified or damaged; save the model again", stored, (int) crc.getValue()));
        }
    }

    private static void writeLayer(DataOutputStream out, CompressedLayer l) throws IOException {
        out.writeInt(l.index());
        writeString(out, l.name() == null ? "" : l.name());
        writeString(out, l.type());
        out.writeBoolean(l.inputParams() != null);
        if (l.inputParams() != null) {
            writeParams(out, l.inputParams());
        }
        out.writeInt(l.params().size());
        for (Map.Entry<String, LayerParam> e : l.params().entrySet()) {
            writeString(out, e.getKey());
            writeParam(out, e.getValue());
        }
    }

    private static CompressedLayer readLayer(DataInputStream in) throws IOException {
        int index = in.readInt();
        String name = readString(in);
        String type = readString(in);
        QuantParams input = in.readBoolean() ? readParams(in) : null;
        int count = readCount(in, "parameter count");
        Map<String, LayerParam> params = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            params.put(readString(in), readParam(in));
        }
        return new CompressedLayer(index, name, type, params, input);
    }

    private static void writeParam(DataOutputStream out, LayerParam p) throws IOException {
        out.writeByte(p instanceof LayerParam.Float32 ? 0 : p instanceof LayerParam.Quantized ? 1 : 2);
        long[] shape = p.shape();
        out.writeByte(shape.length);
        for (long d : shape) {
            out.writeLong(d);
        }
        if (p instanceof LayerParam.Float32 f) {
            for (float v : f.values()) {
                out.writeFloat(v);
            }
        } else if (p instanceof LayerParam.Quantized q) {
            writeParams(out, q.tensor().params());
            byte[] packed = q.tensor().packed();
            out.writeInt(packed.length);
            out.write(packed);
        } else if (p instanceof LayerParam.Int32 b) {
            for (float s : b.scales()) {
                out.writeFloat(s);
            }
            for (int v : b.values()) {
                out.writeInt(v);
            }
        }
    }

    private static LayerParam readParam(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        long[] shape = new long[in.readUnsignedByte()];
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.readLong();
            n = shape[i] < 0 || shape[i] > Integer.MAX_VALUE || n > Integer.MAX_VALUE ? Long.MAX_VALUE : n * shape[i];
            checkSize(in, n == Long.MAX_VALUE ? n : (n + 7) / 8, "shape " + java.util.Arrays.toString(shape));
        }
        switch (kind) {
            case 0 -> {
                checkSize(in, 4 * n, "FP32 values");
                float[] v = new float[(int) n];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                return new LayerParam.Float32(shape, v);
            }
            case 1 -> {
                QuantParams p = readParams(in);
                byte[] packed = readBytes(in, "packed codes");
                return new LayerParam.Quantized(QuantizedTensor.fromPacked(packed, shape, p));
            }
            case 2 -> {
                checkSize(in, 8 * n, "int32 values");
                float[] s = new float[(int) n];
                int[] v = new int[(int) n];
                for (int i = 0; i < s.length; i++) {
                    s[i] = in.readFloat();
                }
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readInt();
                }
                return new LayerParam.Int32(shape, v, s);
            }
            default -> throw new CorruptModelFileException("unknown parameter kind " + kind + ": allowed 0, 1, 2");
        }
    }

    private static void writeParams(DataOutputStream out, QuantParams p) throws IOException {
        out.writeByte(schemeCode(p.scheme()));
        out.writeByte(p.bits());
        out.writeInt(p.qmin());
        out.writeInt(p.qmax());
        Granularity g = p.granularity();
        out.writeByte(g instanceof Granularity.PerTensor ? 0 : g instanceof Granularity.PerChannel ? 1 : 2);
        out.writeInt(g instanceof Granularity.PerChannel c ? c.axis()
                : g instanceof Granularity.PerGroup gr ? gr.channelAxis() : 0);
        out.writeInt(g instanceof Granularity.PerGroup gr ? gr.groupSize() : 0);
        out.writeInt(p.groups());
        for (float s : p.scales()) {
            out.writeFloat(s);
        }
        for (int z : p.zeroPoints()) {
            out.writeInt(z);
        }
    }

    private static QuantParams readParams(DataInputStream in) throws IOException {
        Scheme scheme = schemeOf(in.readUnsignedByte());
        int bits = in.readUnsignedByte();
        int qmin = in.readInt();
        int qmax = in.readInt();
        int kind = in.readUnsignedByte();
        int axis = in.readInt();
        int groupSize = in.readInt();
        Granularity g = switch (kind) {
            case 0 -> Granularity.perTensor();
            case 1 -> Granularity.perChannel(axis);
            case 2 -> Granularity.perGroup(groupSize, axis);
            default -> throw new CorruptModelFileException("unknown granularity " + kind + ": allowed 0, 1, 2");
        };
        int groups = readCount(in, "group count");
        checkSize(in, 8L * groups, "scales and zero-points");
        float[] scales = new float[groups];
        int[] zeroPoints = new int[groups];
        for (int i = 0; i < groups; i++) {
            scales[i] = in.readFloat();
        }
        for (int i = 0; i < groups; i++) {
            zeroPoints[i] = in.readInt();
        }
        return new QuantParams(scheme, bits, qmin, qmax, g, scales, zeroPoints);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in, "string"), StandardCharsets.UTF_8);
    }

    /** A u32 byte count and that many bytes; the count is checked against what remains before allocating. */
    private static byte[] readBytes(DataInputStream in, String what) throws IOException {
        int n = readCount(in, what + " length");
        checkSize(in, n, what);
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    /** The file's code of a model kind: 0 MultiLayerNetwork, 1 ComputationGraph. */
    static int kindCode(CompressedModel.Kind kind) {
        return switch (kind) {
            case MULTI_LAYER_NETWORK -> 0;
            case COMPUTATION_GRAPH -> 1;
        };
    }

    private static CompressedModel.Kind kindOf(int code) throws CorruptModelFileException {
        return switch (code) {
            case 0 -> CompressedModel.Kind.MULTI_LAYER_NETWORK;
            case 1 -> CompressedModel.Kind.COMPUTATION_GRAPH;
            default -> throw new CorruptModelFileException("unknown model kind " + code + ": allowed 0, 1");
        };
    }

    /** The file's code of a scheme: 0 symmetric, 1 asymmetric, 2 binary, 3 ternary. */
    static int schemeCode(Scheme scheme) {
        return switch (scheme) {
            case SYMMETRIC -> 0;
            case ASYMMETRIC -> 1;
            case BINARY -> 2;
            case TERNARY -> 3;
        };
    }

    private static Scheme schemeOf(int code) throws CorruptModelFileException {
        return switch (code) {
            case 0 -> Scheme.SYMMETRIC;
            case 1 -> Scheme.ASYMMETRIC;
            case 2 -> Scheme.BINARY;
            case 3 -> Scheme.TERNARY;
            default -> throw new CorruptModelFileException("unknown scheme " + code + ": allowed 0, 1, 2, 3");
        };
    }

    private static int readCount(DataInputStream in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new CorruptModelFileException(what + " " + n + " is negative");
        }
        return n;
    }

    private static void checkSize(DataInputStream in, long bytes, String what) throws IOException {
        if (bytes > in.available()) {
            throw new CorruptModelFileException(what + " announce " + bytes + " bytes but only " + in.available()
                    + " remain");
        }
    }
}
