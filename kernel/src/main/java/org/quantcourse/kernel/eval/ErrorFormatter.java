package org.quantcourse.kernel.eval;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;
import org.quantcourse.kernel.guard.HeapGuard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Formats compile diagnostics (message, offending line, caret) and runtime exceptions (the user's cell frames first,
 * then a few library frames, kernel frames dropped) as Jupyter tracebacks.
 */
final class ErrorFormatter {

    /** At most this many library frames are shown per exception. */
    static final int LIBRARY_FRAMES = 8;
    /** At most this many lines of the user's own frames are shown per exception. */
    static final int USER_FRAMES = 20;
    private static final int MAX_CAUSES = 5;
    private static final java.util.regex.Pattern WRAPPER_NAME = java.util.regex.Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]?[.$]");
    /** javac's "location: class " line naming JShell's (nameless) wrapper class. */
    private static final java.util.regex.Pattern WRAPPER_LOCATION =
            java.util.regex.Pattern.compile("\\n\\s*location: class\\s*(?=\\n|$)");
    private static final String UNINITIALIZABLE = "Could not initialize class ";

    private final Map<String, SnippetOrigin> origins;

    ErrorFormatter(Map<String, SnippetOrigin> origins) {
        this.origins = origins;
    }

    /** A compile failure listing each error with its cell line, source line and a caret under the position. */
    CellFailure compileError(Snippet snippet, List<Diag> diagnostics, SnippetOrigin origin) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : diagnostics) {
            if (!diag.isError()) {
                continue;
            }
            String message = compilerMessage(diag.getMessage(Locale.ENGLISH));
            first = first == null ? message : first;
            lines.addAll(describe(snippet.source(), diag, message, origin));
        }
        if (first == null) {
            first = "the snippet was rejected by the compiler";
            lines.add(origin.describe(1) + ": " + first);
            lines.add("    " + snippet.source().strip());
        }
        return new CellFailure("CompilationException", first, lines);
    }

    /** The compiler's message without JShell's wrapper class names (and without a location that names only one). */
    static String compilerMessage(String message) {
        return WRAPPER_LOCATION.matcher(WRAPPER_NAME.matcher(message).replaceAll("")).replaceAll("");
    }

    private static List<String> describe(String source, Diag diag, String message, SnippetOrigin origin) {
        int position = (int) Math.max(0, Math.min(diag.getPosition() < 0 ? 0 : diag.getPosition(), source.length()));
        int lineStart = source.lastIndexOf('\n', position - 1) + 1;
        int lineEnd = source.indexOf('\n', position);
        lineEnd = lineEnd < 0 ? source.length() : lineEnd;
        int lineNumber = 1 + (int) source.substring(0, lineStart).chars().filter(c -> c == '\n').count();
        int start = (int) Math.max(lineStart, Math.min(diag.getStartPosition(), position));
        int end = (int) Math.min(lineEnd, Math.max(diag.getEndPosition(), position + 1));
        String caret = " ".repeat(Math.max(0, start - lineStart)) + "^".repeat(Math.max(1, end - start));
        return List.of(origin.describe(lineNumber) + ": error: " + message.replace("\n", "\n    "),
                "    " + source.substring(lineStart, lineEnd),
                "    " + caret);
    }

    /** A runtime failure from JShell's exception, with frames mapped to cell lines. */
    CellFailure runtimeError(JShellException exception) {
        List<String> lines = new ArrayList<>();
        Throwable current = exception;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
            lines.add((depth == 0 ? "" : "Caused by: ") + headline(current));
            lines.addAll(frames(current.getStackTrace()));
        }
        lines.addAll(uninitializableClassAdvice(exception));
        if (className(exception).equals("java.lang.OutOfMemoryError")) {
            lines.addAll(HeapGuard.advice());
        }
        String ename = simpleName(className(exception));
        return new CellFailure(ename, message(exception), lines);
    }

    private List<String> frames(StackTraceElement[] stack) {
        List<String> user = new ArrayList<>();
        List<String> library = new ArrayList<>();
        boolean seenUser = false;
        for (StackTraceElement frame : stack) {
            SnippetOrigin origin = originOf(frame);
            if (origin != null && !origin.isKernel()) {
                seenUser = true;
                String method = frame.getMethodName();
                user.add("    at " + (method.isEmpty() ? "" : method + " ") + "(" + origin.describe(frame.getLineNumber()) + ")");
            } else if (!seenUser && origin == null && !isKernelFrame(frame)) {
                library.add("    at " + frame);
            }
        }
        List<String> out = collapse(user);
        if (!library.isEmpty()) {
            out.add(user.isEmpty() ? "  in:" : "  thrown from:");
            out.addAll(library.subList(0, Math.min(LIBRARY_FRAMES, library.size())));
            if (library.size() > LIBRARY_FRAMES) {
                out.add("    ... " + (library.size() - LIBRARY_FRAMES) + " more");
            }
        }
        return out;
    }

    /** Folds runs of one repeated frame (deep recursion) and keeps at most {@link #USER_FRAMES} lines. */
    static List<String> collapse(List<String> frames) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); ) {
            int run = 1;
            while (i + run < frames.size() && frames.get(i + run).equals(frames.get(i))) {
                run++;
            }
            out.add(frames.get(i));
            if (run > 1) {
                out.add("    ... the same frame " + (run - 1) + " more times");
            }
            i += run;
        }
        if (out.size() > USER_FRAMES) {
            int hidden = out.size() - USER_FRAMES;
            out = new ArrayList<>(out.subList(0, USER_FRAMES));
            out.add("    ... " + hidden + " more lines");
        }
        return out;
    }

    /**
     * What to do about {@code NoClassDefFoundError: Could not initialize class X}: X's static initializer failed
     * (or an interrupt stopped it) earlier and the JVM never retries it, so X stays broken until it is redefined
     * (a class of a cell) or the kernel restarts (a library class).
     */
    static List<String> uninitializableClassAdvice(Throwable exception) {
        String raw = exception.getMessage();
        if (!className(exception).equals("java.lang.NoClassDefFoundError") || raw == null
                || !raw.startsWith(UNINITIALIZABLE)) {
            return List.of();
        }
        String type = WRAPPER_NAME.matcher(raw.substring(UNINITIALIZABLE.length()).strip()).replaceAll("");
        String why = type + " failed to initialize earlier in this session (its static initializer threw, or an"
                + " interrupt stopped it midway), and the JVM never initializes a class twice.";
        String fix = raw.contains("$JShell$")
                ? "Run the cell that declares " + type + " again to redefine it, then re-run the cells that use it."
                : "Restart the kernel (Kernel > Restart) and run the notebook's cells again: " + type + " comes from"
                        + " a library, and it and every variable that uses it stay unusable until then.";
        return List.of("", why, fix);
    }

    private SnippetOrigin originOf(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return null;
        }
        return origins.getOrDefault(file.substring(1), SnippetOrigin.KERNEL);
    }

    private static boolean isKernelFrame(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.startsWith("org.quantcourse.kernel.") || type.startsWith("jdk.internal.reflect.")
                || type.startsWith("java.lang.reflect.Method") || type.startsWith("jdk.jshell.");
    }

    private static String headline(Throwable t) {
        String message = message(t);
        return className(t) + (message.isEmpty() ? "" : ": " + message);
    }

    private static String className(Throwable t) {
        if (t instanceof EvalException eval) {
            return eval.getExceptionClassName();
        }
        if (t instanceof UnresolvedReferenceException) {
            return "UnresolvedReferenceException";
        }
        return t.getClass().getName();
    }

    private static String message(Throwable t) {
        if (t instanceof UnresolvedReferenceException unresolved) {
            Snippet snippet = unresolved.getSnippet();
            return "'" + SnippetNames.name(snippet) + "' cannot be used until what it refers to is declared";
        }
        String message = t.getMessage();
        return message == null ? "" : WRAPPER_NAME.matcher(message).replaceAll("");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
