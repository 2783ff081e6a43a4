package org.quantcourse.kernel.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.in} of the notebook: each line is asked from the frontend (a Jupyter input_request) when the
 * running cell's request allows stdin; otherwise reading fails with {@link StdinNotAllowedException}, which says why.
 */
public final class NotebookInput extends InputStream {

    /** Where lines come from while a cell runs. */
    @FunctionalInterface
    public interface LineSource {
        /** Asks the user for one line (without its line terminator). */
        String readLine() throws IOException;
    }

    /** Thrown when code reads System.in but the frontend did not allow input for the running cell. */
    public static final class StdinNotAllowedException extends IllegalStateException {
        StdinNotAllowedException() {
            super("System.in cannot be read: the frontend did not allow input for this cell (allow_stdin is false). "
                    + "Jupyter Notebook and JupyterLab allow it; headless runs (nbclient, nbconvert, papermill) do "
                    + "not. Put the value in a variable instead of reading it.");
        }
    }

    private volatile LineSource source;
    private volatile boolean stale;
    private byte[] line = new byte[0];
    private int next;

    /**
     * Lines are read from the source until {@link #detach()}; null means input is not allowed. Never blocks, even
     * while a reader waits for input.
     */
    public void attach(LineSource lines) {
        source = lines;
        stale = true;
    }

    /** Ends input for the cell that finished; unread typed text is dropped. */
    public void detach() {
        attach(null);
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return line[next++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, line.length - next);
        System.arraycopy(line, next, buffer, offset, count);
        next += count;
        return count;
    }

    @Override
    public synchronized int available() {
        return stale ? 0 : line.length - next;
    }

    private boolean fill() throws IOException {
        if (stale) {
            stale = false;
            line = new byte[0];
            next = 0;
        }
        if (next < line.length) {
            return true;
        }
        LineSource lines = source;
        if (lines == null) {
            throw new StdinNotAllowedException();
        }
        String typed = lines.readLine();
        if (typed == null) {
            return false;
        }
        line = (typed + "\n").getBytes(StandardCharsets.UTF_8);
        next = 0;
        return true;
    }
}
