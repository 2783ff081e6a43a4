package org.quantcourse.data;

/** An IDX file is truncated, corrupt or inconsistent; the message names the file and the problem. */
public class IdxFormatException extends DatasetException {

    /** Creates the exception for {@code source} (a file name) with the problem and what to do about it. */
    public IdxFormatException(String source, String problem) {
        super(source + ": " + problem + ". " + FIX);
    }

    /** Creates the exception for {@code source} with the problem, what to do about it, and its cause. */
    public IdxFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem + ". " + FIX, cause);
    }

    private static final String FIX = "The file is not a valid MNIST-style IDX file: delete it and get it again"
            + " (see data/README.md), or use MnistSample.load(), which ships with the course and works offline";
}
