package org.quantcourse.onnx;

/**
 * How the QDQ export stores the int8 weight codes {@code q} of a {@code QuantizedModel}; both stand for exactly the
 * same real weights {@code s (q - z)}. Used in notebook 10.
 *
 * <ul>
 *   <li>{@link #INT8}: int8 codes, zero-point 0 — ORT's "U8S8" kernels (uint8 activations × int8 weights). On x86
 *       CPUs without VNNI these multiply with {@code vpmaddubsw}, which adds two u8·s8 products into a saturating
 *       int16: {@code 255·127 + 255·127 = 64,770 > 32,767}, so large products are clipped and codes can differ by
 *       many steps. With AVX-512 VNNI / AVX-VNNI ({@code vpdpbusd}, int32 sums) or AMX there is no clipping.
 *   <li>{@link #UINT8_OFFSET_128}: the same codes stored as {@code q + 128} in uint8 with zero-point 128 — ORT's
 *       "U8U8" kernels, which widen to int16 before multiplying ({@code vpmaddwd}) and never saturate, at some cost
 *       in speed on AVX2.
 * </ul>
 */
public enum WeightEncoding {
    /** int8 codes with zero-point 0 (U8S8 kernels). */
    INT8,
    /** The codes plus 128 as uint8 with zero-point 128 (U8U8 kernels). */
    UINT8_OFFSET_128
}
