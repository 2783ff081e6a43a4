package org.quantcourse.kernel.eval;

import jdk.jshell.SourceCodeAnalysis;

import java.util.ArrayList;
import java.util.List;

/** One snippet of a cell as JShell sees it, with the cell line (0-based) it starts on and whether it is complete. */
record SourcePiece(String source, int firstLine, boolean complete, boolean endsWithSemicolon) {

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
            String source = (finished && info.source() != null ? info.source() : remaining).stripLeading();
            int consumed = finished ? remaining.length() - info.remaining().length() : remaining.length();
            int start = offset + firstCodeChar(remaining, consumed);
            String raw = remaining.substring(0, Math.max(0, consumed));
            pieces.add(new SourcePiece(source, lineOf(code, start), finished, withoutComments(raw).strip().endsWith(";")));
            if (!finished || consumed <= 0) {
                break;
            }
            offset += consumed;
            remaining = info.remaining();
        }
        return pieces;
    }

    /** The text without line and block comments (string literals are kept as they are). */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end - 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
