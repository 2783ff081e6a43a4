package org.quantcourse.mixed;

/**
 * One measurement of the sensitivity table: the network with only layer {@code layer} quantized to {@code bits}.
 * Used in notebook 14.
 *
 * @param layer the layer's index in the network
 * @param name the layer's name
 * @param bits bits per weight code of that layer
 * @param storedBytes the layer's stored bytes at that width (codes, scales, FP32 bias)
 * @param accuracy the network's accuracy with only that layer quantized
 * @param accuracyDrop FP32 accuracy minus {@code accuracy} (negative when quantizing happened to help)
 * @param outputSqnrDb {@code 10 log10(Σ y² / Σ (y − ŷ)²)} of the network's output probabilities, in dB
 */
public record LayerSensitivity(int layer, String name, int bits, long storedBytes, double accuracy,
        double accuracyDrop, double outputSqnrDb) {

    /** The relative output noise power {@code 10^(−SQNR/10) = Σ (y − ŷ)² / Σ y²}, additive over layers to first order. */
    public double outputNoise() {
        return Math.pow(10, -outputSqnrDb / 10);
    }
}
