package org.quantcourse.qat;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.quantcourse.compress.CompressedModel;
import org.quantcourse.compress.CompressedModelFile;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.compress.WeightLayout;

/**
 * A weight-trained QAT network as it is stored: its latent float weights compressed by {@link ModelQuantizer} with,
 * for each layer, the quantizer its {@link FakeQuantWeights} trained with (binary and ternary at 1 and 2 bits per
 * weight, k-bit symmetric; per output channel or per tensor as trained) and FP32 where a layer trained without a
 * projection. The file then computes what the QAT network computed in training. Used in notebook 12.
 */
public final class QatStorage {

    private QatStorage() {
    }

    /** The compression spec that stores what each layer of {@code qat} trained with. */
    public static QuantSpec quantSpec(MultiLayerNetwork qat) {
        List<Optional<QatWeights>> projections = QatNetwork.projections(checked(qat));
        QuantSpec spec = QuantSpec.symmetric(8).perChannel();
        for (int i = 0; i < projections.size(); i++) {
            if (WeightLayout.of(qat.getLayer(i).conf().getLayer()).isPresent()) {
                spec = projections.get(i).isPresent()
                        ? spec.withLayer(i, QuantSpec.of(fakeQuant(projections.get(i).get(), i).quantizer()))
                        : spec.keepFloat(i);
            }
        }
        return spec;
    }

    /** The trained weights of {@code qat} compressed as stored. */
    public static CompressedModel compress(MultiLayerNetwork qat) {
        QuantSpec spec = quantSpec(qat);
        return ModelQuantizer.quantize(QatNetwork.latentWeights(qat), spec);
    }

    /** The size in bytes of the compressed file ({@link CompressedModelFile}) of {@code model}. */
    public static long fileBytes(CompressedModel model) {
        return CompressedModelFile.toBytes(model).length;
    }

    private static MultiLayerNetwork checked(MultiLayerNetwork qat) {
        if (qat == null) {
            throw new IllegalArgumentException("pass the fine-tuned network, e.g. QatTraining...fineTune(...).network()");
        }
        for (int i = 0; i < qat.getnLayers(); i++) {
            Layer layer = qat.getLayer(i).conf().getLayer();
            if (layer instanceof FakeQuantActivation) {
                throw new IllegalArgumentException("layer " + i + " (" + layer.getLayerName() + ") fake-quantizes"
                        + " activations; QatStorage stores weights only: train with a spec without activations");
            }
        }
        return qat;
    }

    private static FakeQuantWeights fakeQuant(QatWeights weights, int layer) {
        if (weights instanceof FakeQuantWeights f) {
            return f;
        }
        throw new IllegalArgumentException("layer " + layer + " trains with " + weights.describe() + ", whose learned"
                + " steps ModelQuantizer cannot store as trained; use QatNetwork.projectedWeights(qat) for it");
    }
}
