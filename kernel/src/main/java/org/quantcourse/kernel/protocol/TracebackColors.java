package org.quantcourse.kernel.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Colours a plain traceback with the ANSI escapes Jupyter frontends render in {@code error} outputs: the
 * exception headline, each {@code Caused by:} and each compiler {@code error:} line in bold red, the rest as is.
 */
public final class TracebackColors {

    /** Bold red, as ipykernel shows exception names. */
    public static final String RED = "\u001b[1;31m";
    /** Back to the frontend's default colour. */
    public static final String RESET = "\u001b[0m";

    private TracebackColors() {
    }

    /** The traceback with its headline lines in bold red. */
    public static List<String> highlighted(List<String> traceback) {
        List<String> out = new ArrayList<>(traceback.size());
        for (int i = 0; i < traceback.size(); i++) {
            String line = traceback.get(i);
            out.add(isHeadline(i, line) ? RED + line + RESET : line);
        }
        return out;
    }

    private static boolean isHeadline(int index, String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith(RED)) {
            return false;
        }
        return index == 0 || line.startsWith("Caused by: ") || line.contains(": error: ");
    }
}
