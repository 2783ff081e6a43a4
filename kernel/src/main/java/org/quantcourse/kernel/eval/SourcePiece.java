package org.quantcourse.kernel.eval;

import jdk.jshell.SourceCodeAnalysis;

import java.util.ArrayList;
import java.util.List;

/** One snippet of a cell as JShell sees it, with the cell line (0-based) it starts on and whether it is complete. */
record SourcePiece(String source, int firstLine, boolean complete) {

    /** Splits code into JShell snippets in order; a trailing unfinished statement is returned as incomplete. */
    static List<SourcePiece> split(SourceCodeAnalysis analysis, String code) {
        List<SourcePiece> pieces = new ArrayList<>();
        int offset = 0;
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            SourceCodeAnalysis.Completeness completeness = info.completeness();
            if (completeness == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            boolean finished = completeness.isComplete() || completeness == SourceCodeAnalysis.Completeness.UNKNOWN;
            String source = finished && info.source() != null ? info.source() : remaining;
            int consumed = finished ? remaining.length() - info.remaining().length() : remaining.length();
            int start = offset + firstCodeChar(remaining, consumed);
            pieces.add(new SourcePiece(source, lineOf(code, start), finished));
            if (!finished || consumed <= 0) {
                break;
            }
            offset += consumed;
            remaining = info.remaining();
        }
        return pieces;
    }

    private static int firstCodeChar(String text, int limit) {
        int i = 0;
        while (i < limit && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineOf(String code, int index) {
        int line = 0;
        for (int i = 0; i < Math.min(index, code.length()); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
