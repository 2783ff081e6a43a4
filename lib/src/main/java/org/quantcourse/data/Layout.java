package org.quantcourse.data;

/** Shape of the image features a dataset produces. Used in notebooks 03 and 04. */
public enum Layout {
    /** Images as {@code [n, 1, rows, cols]} (channels first), for convolutional networks. */
    NCHW,
    /** Images as {@code [n, rows * cols]} row-major vectors, for logistic regression and dense layers. */
    FLAT
}
