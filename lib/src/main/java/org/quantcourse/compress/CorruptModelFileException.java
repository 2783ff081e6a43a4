package org.quantcourse.compress;

import java.io.IOException;

/** A compressed model file that is truncated, modified or not a compressed model file at all. Notebook 05. */
public final class CorruptModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A corrupt-file error with a message saying what is wrong and what to do. */
    public CorruptModelFileException(String message) {
        super(message);
    }

    /** A corrupt-file error caused by a parse failure. */
    public CorruptModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
