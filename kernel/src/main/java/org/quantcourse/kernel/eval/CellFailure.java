package org.quantcourse.kernel.eval;

import java.util.List;

/**
 * Why a cell did not complete: a compile error, an exception, an interrupt or a timeout, already formatted as the
 * Jupyter error triple (ename, evalue, traceback lines).
 */
public final class CellFailure extends Exception {

    private final String ename;
    private final String evalue;
    private final List<String> traceback;

    /** A failure with the given error name, message and traceback lines. */
    public CellFailure(String ename, String evalue, List<String> traceback) {
        super(ename + ": " + evalue);
        this.ename = ename;
        this.evalue = evalue;
        this.traceback = List.copyOf(traceback);
    }

    /** The cell was interrupted (or ran past the timeout) and stopped. */
    public static CellFailure interrupted(boolean timedOut, java.time.Duration timeout) {
        if (timedOut) {
            String message = "the statement ran longer than the timeout (IJAVA_TIMEOUT) of " + timeout.toMillis()
                    + " ms and was stopped";
            return new CellFailure("EvaluationTimeoutException", message, List.of("EvaluationTimeoutException: " + message));
        }
        String message = "the cell was interrupted; variables defined before the interrupt are kept";
        return new CellFailure("InterruptedException", message, List.of("InterruptedException: " + message));
    }

    /** The Jupyter error name (exception class simple name). */
    public String ename() {
        return ename;
    }

    /** The Jupyter error value (message). */
    public String evalue() {
        return evalue;
    }

    /** The traceback lines shown under the error. */
    public List<String> traceback() {
        return traceback;
    }
}
