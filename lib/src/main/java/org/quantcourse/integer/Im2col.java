package org.quantcourse.integer;

/**
 * im2col for NHWC codes: every output position {@code (oy, ox)} of a convolution becomes one row of
 * {@code kernel²·C} codes in (ky, kx, c) order, so that the convolution is one matrix product with the weight
 * rows. Used in notebook 09.
 */
public final class Im2col {

    private Im2col() {
    }

    /** The patch matrix {@code [outHeight·outWidth][kernel²·inChannels]} (row-major) of one image's codes. */
    public static int[] patches(QuantizedConv conv, int[] image) {
        int k = conv.kernel();
        int c = conv.inChannels();
        int rowLength = k * c;
        int depth = k * rowLength;
        int[] out = new int[conv.outHeight() * conv.outWidth() * depth];
        int row = 0;
        for (int oy = 0; oy < conv.outHeight(); oy++) {
            for (int ox = 0; ox < conv.outWidth(); ox++) {
                for (int ky = 0; ky < k; ky++) {
                    int from = ((oy + ky) * conv.inWidth() + ox) * c;
                    System.arraycopy(image, from, out, row * depth + ky * rowLength, rowLength);
                }
                row++;
            }
        }
        return out;
    }
}
