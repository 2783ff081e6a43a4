package org.quantcourse.integer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A way to run a {@link QuantizedModel} on uint8 codes, image by image: with integers only ({@link IntegerEngine})
 * or as its real-number simulation ({@link FakeQuantSimulation}). Both give codes of the same layers, so they can
 * be compared code by code. Used in notebooks 09, 10.
 */
public abstract sealed class QuantizedInference permits IntegerEngine, FakeQuantSimulation {
    private final QuantizedModel model;
    private final int threads;

    QuantizedInference(QuantizedModel model, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.model = model;
        this.threads = threads;
    }

    /** The model this runs. */
    public QuantizedModel model() {
        return model;
    }

    /** Threads a batch is split over. */
    public int threads() {
        return threads;
    }

    /** Output codes of layer {@code layer} for one image's input codes of that layer. */
    abstract int[] runLayer(int layer, int[] imageCodes);

    /** Output codes of layer {@code layer} ({@code batch × outputLength}) for its input codes. */
    public int[] layerCodes(int layer, int[] inputCodes, int batch) {
        QuantizedLayer l = model.layers().get(checkedLayer(layer));
        return run(inputCodes, batch, l.inputLength(), l.outputLength(), image -> runLayer(layer, image));
    }

    /** The logit codes ({@code batch × classes}) for input codes ({@code batch × inputLength}, NHWC). */
    public int[] forwardCodes(int[] inputCodes, int batch) {
        return run(inputCodes, batch, model.inputLength(), model.classes(), image -> {
            int[] codes = image;
            for (int layer = 0; layer < model.layers().size(); layer++) {
                codes = runLayer(layer, codes);
            }
            return codes;
        });
    }

    /** The logit codes of NCHW float images (quantized with the model's input parameters). */
    public int[] forwardCodes(INDArray images) {
        return forwardCodes(model.quantizeImages(images), (int) images.size(0));
    }

    /** The predicted class of each NCHW float image: the argmax of its logit codes (first on ties). */
    public int[] predict(INDArray images) {
        return Predictions.argmax(forwardCodes(images), model.classes());
    }

    /** {@code layer} if the model has it, else a clear error. */
    int checkedLayer(int layer) {
        if (layer < 0 || layer >= model.layers().size()) {
            throw new IllegalArgumentException("layer " + layer + " does not exist: the model has layers 0.."
                    + (model.layers().size() - 1) + " " + model.layers().stream().map(QuantizedLayer::name).toList());
        }
        return layer;
    }

    /** Runs {@code perImage} on each image of the batch; its output must hold {@code outLength} values. */
    int[] run(int[] in, int batch, int inLength, int outLength, java.util.function.UnaryOperator<int[]> perImage) {
        if (batch < 0 || in.length != batch * inLength) {
            throw new IllegalArgumentException(in.length + " codes do not fill " + batch + " images of " + inLength
                    + ": need batch × " + inLength);
        }
        int[] out = new int[batch * outLength];
        BatchRunner.run(batch, threads, n -> {
            int[] image = java.util.Arrays.copyOfRange(in, n * inLength, (n + 1) * inLength);
            System.arraycopy(perImage.apply(image), 0, out, n * outLength, outLength);
        });
        return out;
    }
}
