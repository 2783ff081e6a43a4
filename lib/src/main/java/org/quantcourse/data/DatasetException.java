package org.quantcourse.data;

/** A dataset could not be found, downloaded, verified or read; the message says what failed and what to do. */
public class DatasetException extends RuntimeException {

    /** Creates the exception with a message that names the file, the problem and the fix. */
    public DatasetException(String message) {
        super(message);
    }

    /** Creates the exception with a message that names the file, the problem and the fix, and its cause. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
