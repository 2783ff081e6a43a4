package org.quantcourse.integer;

/**
 * One layer of a {@link QuantizedModel}: it reads uint8 codes of {@link #input()} and writes uint8 codes of
 * {@link #output()}, per image, in NHWC order for feature maps. Used in notebooks 09, 10.
 */
public sealed interface QuantizedLayer permits QuantizedConv, QuantizedAvgPool, QuantizedFlatten, QuantizedDense {

    /** The layer's name (as in the DL4J network, e.g. {@code conv1}). */
    String name();

    /** Quantization of the codes this layer reads. */
    ActivationQuant input();

    /** Quantization of the codes this layer writes. */
    ActivationQuant output();

    /** Codes read per image. */
    int inputLength();

    /** Codes written per image. */
    int outputLength();
}
