package org.quantcourse.kernel.magic;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits a cell in the IJava dialect into what runs in order: Java code, line magics ({@code %name args} alone on a
 * line) and a cell magic ({@code %%name args} on the first line, the rest as body). A magic after {@code =}
 * ({@code List<String> jars = %jars lib/*.jar}) becomes a call of the notebook's {@code lineMagic} function.
 */
public final class CellParser {

    private static final Pattern LINE_MAGIC = Pattern.compile("^[ \\t]*%(?!%)(\\w.*)$");
    private static final Pattern INLINE_MAGIC = Pattern.compile("=[ \\t]*%(\\w[^\\n]*)$", Pattern.MULTILINE);
    private static final Pattern CELL_MAGIC = Pattern.compile("^[ \\t]*%%(\\w[^\\n]*)(?:\\R|$)");

    private CellParser() {
    }

    /** A part of a cell. */
    public sealed interface Segment permits JavaCode, LineMagic, CellMagic {
    }

    /** Java code starting on the given (0-based) cell line. */
    public record JavaCode(String code, int firstLine) implements Segment {
    }

    /** A line magic call on the given (0-based) cell line. */
    public record LineMagic(String name, List<String> args, int line) implements Segment {
    }

    /** A cell magic call with its body. */
    public record CellMagic(String name, List<String> args, String body) implements Segment {
    }

    /** The segments of a cell in execution order. */
    public static List<Segment> parse(String cell) {
        Matcher cellMagic = CELL_MAGIC.matcher(cell);
        if (cellMagic.lookingAt()) {
            List<String> words = splitArgs(cellMagic.group(1));
            return List.of(new CellMagic(words.get(0), words.subList(1, words.size()), cell.substring(cellMagic.end())));
        }
        List<Segment> segments = new ArrayList<>();
        String[] lines = cell.split("\\R", -1);
        StringBuilder java = new StringBuilder();
        int javaStart = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher magic = LINE_MAGIC.matcher(lines[i]);
            if (magic.matches() && !insideBlockComment(java)) {
                addJava(segments, java, javaStart);
                List<String> words = splitArgs(magic.group(1));
                segments.add(new LineMagic(words.get(0), words.subList(1, words.size()), i));
                java.setLength(0);
                javaStart = i + 1;
            } else {
                java.append(lines[i]).append('\n');
            }
        }
        addJava(segments, java, javaStart);
        return segments;
    }

    private static void addJava(List<Segment> segments, StringBuilder java, int firstLine) {
        if (!java.toString().isBlank()) {
            segments.add(new JavaCode(inlineMagicsToCalls(java.toString()), firstLine));
        }
    }

    private static boolean insideBlockComment(CharSequence code) {
        String text = code.toString();
        return text.lastIndexOf("/*") > text.lastIndexOf("*/");
    }

    /** Replaces {@code = %name args} at line ends with {@code = lineMagic(name, args)} calls. */
    static String inlineMagicsToCalls(String code) {
        Matcher m = INLINE_MAGIC.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = code.substring(code.lastIndexOf('\n', m.start()) + 1, m.start());
            if (quotesOpen(before)) {
                continue;
            }
            List<String> words = splitArgs(m.group(1));
            String call = "= org.quantcourse.kernel.runtime.Notebook.lineMagic(" + javaString(words.get(0))
                    + ", java.util.List.of(" + words.subList(1, words.size()).stream().map(CellParser::javaString)
                    .collect(Collectors.joining(", ")) + "));";
            m.appendReplacement(out, Matcher.quoteReplacement(call));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean quotesOpen(String text) {
        return text.chars().filter(c -> c == '"').count() % 2 == 1;
    }

    private static String javaString(String value) {
        String b64 = Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "new java.lang.String(java.util.Base64.getDecoder().decode(\"" + b64
                + "\"), java.nio.charset.StandardCharsets.UTF_8)";
    }

    /** Splits magic arguments on blanks; double quotes group words, backslash escapes the next character. */
    public static List<String> splitArgs(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
                inWord = true;
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(current.toString());
        }
        return words;
    }
}
