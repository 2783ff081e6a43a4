package org.quantcourse.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.nd4j.shade.protobuf.ByteString;

/**
 * A small builder of ONNX graphs on the protobuf classes that come with ND4J ({@code onnx.Onnx.*}): float inputs
 * and outputs with a symbolic batch dimension, initializers from Java arrays (raw little-endian data), and nodes
 * with int, ints and float attributes. Used by {@link OnnxExport}.
 */
final class OnnxGraph {
    /** ONNX opset of the exported models (per-axis QuantizeLinear/DequantizeLinear need 13). */
    static final int OPSET = 13;
    private static final long IR_VERSION = 8;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int nodes;

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** A FLOAT graph input of shape {@code [batch, dims...]}. */
    OnnxGraph input(String name, long... dims) {
        graph.addInput(floatValue(name, dims));
        return this;
    }

    /** A FLOAT graph output of shape {@code [batch, dims...]}. */
    OnnxGraph output(String name, long... dims) {
        graph.addOutput(floatValue(name, dims));
        return this;
    }

    /** A FLOAT initializer. */
    String floats(String name, float[] values, long... dims) {
        ByteBuffer b = buffer(4 * values.length);
        b.asFloatBuffer().put(values);
        return initializer(name, TensorProto.DataType.FLOAT_VALUE, b, dims);
    }

    /** An INT32 initializer. */
    String ints(String name, int[] values, long... dims) {
        ByteBuffer b = buffer(4 * values.length);
        b.asIntBuffer().put(values);
        return initializer(name, TensorProto.DataType.INT32_VALUE, b, dims);
    }

    /** An INT8 initializer. */
    String int8(String name, byte[] values, long... dims) {
        return initializer(name, TensorProto.DataType.INT8_VALUE, ByteBuffer.wrap(values), dims);
    }

    /** A UINT8 initializer of codes 0..255. */
    String uint8(String name, int[] values, long... dims) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return initializer(name, TensorProto.DataType.UINT8_VALUE, ByteBuffer.wrap(bytes), dims);
    }

    /** A node {@code op(inputs) -> output} with attributes given as name, value pairs (Long, long[] or Float). */
    String node(String op, String output, String[] inputs, Object... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + nodes++).addOutput(output);
        for (String in : inputs) {
            n.addInput(in);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            n.addAttribute(attribute((String) attributes[i], attributes[i + 1]));
        }
        graph.addNode(n);
        return output;
    }

    /** The model: this graph with IR version 8 and the default-domain opset {@value #OPSET}. */
    ModelProto model(String producer) {
        return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName(producer)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(graph)
                .build();
    }

    private String initializer(String name, int type, ByteBuffer data, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type)
                .setRawData(ByteString.copyFrom(data.rewind()));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ValueInfoProto floatValue(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        if (value instanceof Long l) {
            a.setType(AttributeProto.AttributeType.INT).setI(l);
        } else if (value instanceof Integer i) {
            a.setType(AttributeProto.AttributeType.INT).setI(i);
        } else if (value instanceof long[] ls) {
            a.setType(AttributeProto.AttributeType.INTS);
            for (long l : ls) {
                a.addInts(l);
            }
        } else if (value instanceof Float f) {
            a.setType(AttributeProto.AttributeType.FLOAT).setF(f);
        } else {
            throw new IllegalArgumentException("attribute " + name + " has unsupported value " + value);
        }
        return a.build();
    }
}
