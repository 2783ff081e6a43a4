package org.quantcourse.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.integer.Predictions;

/**
 * An ONNX model loaded into ONNX Runtime's CPU provider with graph optimisation level ALL by default (so QDQ groups
 * become QLinearConv, QGemm, …) and a chosen number of intra-op threads; runs float NCHW images and returns its single
 * output. Close it when done. Used in notebook 10.
 */
public final class OrtModel implements AutoCloseable {
    private final OrtSession session;
    private final String input;
    private final List<String> optimizedOperators;
    private final int threads;
    private final OptLevel level;

    private OrtModel(OrtSession session, List<String> optimizedOperators, int threads, OptLevel level)
            throws OrtException {
        this.session = session;
        this.input = session.getInputNames().iterator().next();
        this.optimizedOperators = optimizedOperators;
        this.threads = threads;
        this.level = level;
    }

    /** Loads {@code model} with {@code threads} intra-op threads (1 or more) and all graph optimisations. */
    public static OrtModel load(ModelProto model, int threads) {
        return load(model, threads, OptLevel.ALL_OPT);
    }

    /**
     * Loads {@code model} with {@code threads} intra-op threads and graph optimisation {@code level}: below
     * {@code EXTENDED_OPT} ONNX Runtime keeps the QDQ nodes and runs FP32 kernels between them (a simulation).
     */
    public static OrtModel load(ModelProto model, int threads, OptLevel level) {
        if (threads < 1 || level == null) {
            throw new IllegalArgumentException("need at least 1 thread and an optimisation level, got " + threads
                    + ", " + level);
        }
        Path optimized = null;
        try (SessionOptions options = new SessionOptions()) {
            optimized = Files.createTempFile("quantcourse-ort-", ".onnx");
            options.setOptimizationLevel(level);
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizedModelFilePath(optimized.toString());
            OrtSession session = OrtEnvironment.getEnvironment().createSession(model.toByteArray(), options);
            return new OrtModel(session, operators(optimized), threads, level);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write ONNX Runtime's optimized model: " + e.getMessage(), e);
        } finally {
            deleteQuietly(optimized);
        }
    }

    /** The operator types of the graph ONNX Runtime actually runs, after its optimisations, in order. */
    public List<String> optimizedOperators() {
        return optimizedOperators;
    }

    /** Graph optimisation level of the session. */
    public OptLevel optimizationLevel() {
        return level;
    }

    /** Intra-op threads of the session. */
    public int threads() {
        return threads;
    }

    /** The output for NCHW float images {@code [n, c, h, w]}, flat ({@code n × outputs}). */
    public float[] run(INDArray images) {
        long[] shape = images.shape();
        return run(images.dup('c').data().asFloat(), shape);
    }

    /** The output for images given as flat NCHW floats of {@code shape [n, c, h, w]}. */
    public float[] run(float[] images, long... shape) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(images), shape);
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime rejected the input of shape "
                    + java.util.Arrays.toString(shape) + ": " + e.getMessage(), e);
        }
    }

    /** The predicted class of each image: the argmax of its {@code classes} outputs. */
    public int[] predict(INDArray images, int classes) {
        return Predictions.argmax(run(images), classes);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("could not close the ONNX Runtime session: " + e.getMessage(), e);
        }
    }

    private static List<String> operators(Path file) throws IOException {
        ModelProto optimized = ModelProto.parseFrom(Files.readAllBytes(file));
        return optimized.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
