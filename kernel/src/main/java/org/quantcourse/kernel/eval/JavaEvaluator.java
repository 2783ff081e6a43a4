package org.quantcourse.kernel.eval;

import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.quantcourse.kernel.io.KernelLog;
import org.quantcourse.kernel.runtime.Notebook;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Evaluates Java cells with an in-process JShell: splits a cell into snippets, runs them on the user thread, maps
 * errors to cell lines, and answers completion, inspection and is-complete questions. Not thread-safe: one kernel
 * thread uses it.
 */
public final class JavaEvaluator implements AutoCloseable {

    /** The completeness answers of {@link #isComplete}. */
    public static final String COMPLETE = "complete";
    /** The code needs more input. */
    public static final String INCOMPLETE = "incomplete";
    /** The code can never be completed. */
    public static final String INVALID = "invalid";

    private final JShell shell;
    private final InProcessExecutionControl control;
    private final UserThreadRunner runner;
    private final SnippetClassLoader loader;
    private final CompiledClassStore compiledClasses;
    private final SnippetLoaderDelegate loaderDelegate;
    private final EchoAudit echoAudit = EchoAudit.fromEnvironment();
    private final Map<String, SnippetOrigin> origins = new ConcurrentHashMap<>();
    private final ErrorFormatter errors = new ErrorFormatter(origins);
    private final Set<String> classpath = new LinkedHashSet<>();
    private volatile Duration timeout;

    private JavaEvaluator(EvaluatorConfig config) {
        this.timeout = config.timeout();
        this.loader = new SnippetClassLoader(JavaEvaluator.class.getClassLoader());
        this.runner = new UserThreadRunner(config.stackBytes(), loader);
        this.loaderDelegate = new SnippetLoaderDelegate(loader);
        this.control = new InProcessExecutionControl(loaderDelegate, runner, () -> timeout);
        PrintStream log = KernelLog.originalErr();
        this.shell = JShell.builder()
                .executionEngine(control.provider(), Map.of())
                .compilerOptions(config.compilerOptions().toArray(String[]::new))
                .in(InputStream.nullInputStream()).out(log).err(log)
                .build();
        this.compiledClasses = CompiledClassStore.of(shell);
    }

    /** Starts a session with the prelude (imports and notebook functions) and the configured classpath. */
    public static JavaEvaluator start(EvaluatorConfig config) throws CellFailure {
        JavaEvaluator evaluator = new JavaEvaluator(config);
        evaluator.addToClasspath(List.of(kernelLocation()));
        evaluator.addToClasspath(config.classpath());
        for (String snippet : NotebookPrelude.IMPORTS) {
            evaluator.evalKernelSnippet(snippet);
        }
        for (String function : NotebookPrelude.FUNCTIONS) {
            evaluator.evalKernelSnippet(function);
        }
        return evaluator;
    }

    /** The runner whose thread executes user code (interrupt it to stop a cell). */
    public UserThreadRunner runner() {
        return runner;
    }

    /** The class loader of notebook code (snippets and added jars). */
    public ClassLoader classLoader() {
        return loader;
    }

    /** Sets the per-statement timeout; zero or negative means none. */
    public void setTimeout(Duration newTimeout) {
        this.timeout = newTimeout == null ? Duration.ZERO : newTimeout;
    }

    /** Adds jars or directories to both the compiler's and the class loader's classpath (duplicates ignored). */
    public void addToClasspath(List<String> entries) {
        for (String entry : entries) {
            String absolute = Path.of(entry).toAbsolutePath().normalize().toString();
            if (classpath.add(absolute)) {
                shell.addToClasspath(absolute);
            }
        }
        JavadocSources.use(shell.sourceCodeAnalysis(), classpath);
    }

    /** How many compiled class files JShell keeps for the session (-1 when unknown). */
    int compiledClassCount() {
        return compiledClasses.size();
    }

    /** The entries added to the classpath so far. */
    public List<String> classpath() {
        return List.copyOf(classpath);
    }

    /**
     * Evaluates Java code, snippet by snippet; returns the value of the last snippet when it is an expression not
     * ended by a semicolon (as in IPython, a trailing {@code ;} hides the value).
     * {@code origin} labels the code in error messages.
     */
    public Optional<Object> eval(String code, SnippetOrigin origin) throws CellFailure {
        List<SourcePiece> pieces = SourcePiece.split(shell.sourceCodeAnalysis(), code);
        Optional<Object> value = Optional.empty();
        for (int i = 0; i < pieces.size(); i++) {
            checkInterrupt();
            SourcePiece piece = pieces.get(i);
            SnippetOrigin pieceOrigin = new SnippetOrigin(origin.cell(), origin.firstLine() + piece.firstLine());
            if (!piece.complete()) {
                throw incomplete(piece, pieceOrigin);
            }
            boolean lastPiece = i == pieces.size() - 1;
            value = evalSnippet(piece.source(), pieceOrigin, lastPiece);
            if (piece.endsWithSemicolon() && value.isPresent()) {
                echoAudit.hiddenValue(pieceOrigin, piece.source(), value.get());
                value = Optional.empty();
            }
        }
        checkInterrupt();
        return value;
    }

    private Optional<Object> evalSnippet(String source, SnippetOrigin origin, boolean last) throws CellFailure {
        control.reset();
        List<SnippetEvent> events = shell.eval(source);
        forgetUnreachableClasses(events);
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (main == null) {
            return Optional.empty();
        }
        Snippet snippet = main.snippet();
        origins.put(snippet.id(), origin);
        if (main.status() == Snippet.Status.REJECTED) {
            throw errors.compileError(snippet, shell.diagnostics(snippet).collect(Collectors.toList()), origin);
        }
        if (control.lastInterrupt() != null) {
            throw CellFailure.interrupted(control.lastInterrupt().timedOut(), timeout);
        }
        if (main.exception() != null) {
            throw errors.runtimeError(main.exception());
        }
        failIfNotGenerated(main, origin);
        RedefinitionReport.describe(shell, events).forEach(System.err::println);
        warnIfUnresolved(main);
        Optional<Object> value = last && hasValue(snippet) ? Optional.ofNullable(control.lastValue()) : Optional.empty();
        dropTemporary(snippet);
        return value;
    }

    private void forgetUnreachableClasses(List<SnippetEvent> events) {
        Set<String> live = events.stream()
                .filter(e -> e.snippet().kind().isPersistent() && e.status().isActive())
                .map(e -> wrapperClass(e.snippet())).collect(Collectors.toSet());
        for (SnippetEvent event : events) {
            Snippet.Status status = event.status();
            boolean finished = !event.snippet().kind().isPersistent()
                    || status == Snippet.Status.OVERWRITTEN || status == Snippet.Status.DROPPED;
            String wrapper = wrapperClass(event.snippet());
            if (finished && !live.contains(wrapper)) {
                compiledClasses.forget(wrapper);
            }
        }
    }

    private String wrapperClass(Snippet snippet) {
        return shell.sourceCodeAnalysis().wrapper(snippet).fullClassName();
    }

    /** Drops an expression's temporary variable ($1, $2...) once its value is taken: every later snippet imports it. */
    private void dropTemporary(Snippet snippet) {
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && snippet instanceof VarSnippet temp) {
            forgetUnreachableClasses(shell.drop(temp));
        }
    }

    /**
     * JShell accepts some declarations javac then cannot generate (a string constant over 65,535 bytes, a method over
     * 64 KB of bytecode): the first keeps its diagnostic but no unresolved name, the second is VALID without a class.
     */
    private void failIfNotGenerated(SnippetEvent event, SnippetOrigin origin) throws CellFailure {
        Snippet snippet = event.snippet();
        boolean recoverable = event.status() == Snippet.Status.RECOVERABLE_DEFINED
                || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED;
        List<Diag> diagnostics = shell.diagnostics(snippet).collect(Collectors.toList());
        if (recoverable && diagnostics.stream().anyMatch(Diag::isError) && unresolved(snippet).isEmpty()) {
            CellFailure failure = errors.compileError(snippet, diagnostics, origin);
            dropDeclaration(snippet);
            throw failure;
        }
        if (event.status() == Snippet.Status.VALID && snippet.kind().isPersistent()
                && snippet.kind() != Snippet.Kind.IMPORT && !loaderDelegate.isLoaded(wrapperClass(snippet))) {
            dropDeclaration(snippet);
            throw notGenerated(snippet, origin);
        }
    }

    private void dropDeclaration(Snippet snippet) {
        if (snippet instanceof jdk.jshell.PersistentSnippet declaration) {
            forgetUnreachableClasses(shell.drop(declaration));
        }
    }

    private static CellFailure notGenerated(Snippet snippet, SnippetOrigin origin) {
        String message = "the compiler could not generate code for '" + SnippetNames.name(snippet)
                + "': it exceeds a limit of the class file format (code too large: a method body is limited to 64 KB"
                + " of bytecode; a string constant to 65,535 bytes; a class to 65,535 constants)";
        return new CellFailure("CompilationException", message, List.of(origin.describe(1) + ": error: " + message,
                "    split the method into smaller methods, or read large data from a file instead of a literal"));
    }

    private List<String> unresolved(Snippet snippet) {
        return snippet instanceof jdk.jshell.DeclarationSnippet d
                ? shell.unresolvedDependencies(d).collect(Collectors.toList()) : List.of();
    }

    private void warnIfUnresolved(SnippetEvent event) {
        if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            List<String> missing = event.snippet() instanceof jdk.jshell.DeclarationSnippet d
                    ? shell.unresolvedDependencies(d).collect(Collectors.toList()) : List.of();
            System.err.println("note: '" + SnippetNames.name(event.snippet())
                    + "' is declared but cannot be used until " + String.join(", ", missing) + " is declared");
        }
    }

    private static boolean hasValue(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    private void checkInterrupt() throws CellFailure {
        if (runner.interruptRequested()) {
            throw CellFailure.interrupted(false, timeout);
        }
    }

    private CellFailure incomplete(SourcePiece piece, SnippetOrigin origin) {
        String message = "incomplete input: the code ends before the statement or declaration is finished";
        return new CellFailure("CompilationException", message,
                List.of(origin.describe(1) + ": error: " + message, "    " + piece.source().strip()));
    }

    private void evalKernelSnippet(String source) throws CellFailure {
        for (SnippetEvent event : shell.eval(source)) {
            origins.put(event.snippet().id(), SnippetOrigin.KERNEL);
            if (event.causeSnippet() == null && event.status() == Snippet.Status.REJECTED) {
                throw errors.compileError(event.snippet(),
                        shell.diagnostics(event.snippet()).collect(Collectors.toList()), SnippetOrigin.KERNEL);
            }
        }
    }

    /** Completion candidates at the cursor, with the range of the code they replace. */
    public Completion complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor);
        List<String> matches = new ArrayList<>(new LinkedHashSet<>(suggestions.stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .collect(Collectors.toList())));
        return new Completion(matches, anchor[0], cursor);
    }

    /** Completion candidates and the replaced range [start, end). */
    public record Completion(List<String> matches, int start, int end) {
    }

    /**
     * Documentation (signatures with the Javadoc when its sources are on the classpath, or the type) of the symbol at
     * the cursor; a cursor inside a word inspects the whole word.
     */
    public Optional<String> inspect(String code, int cursor, boolean detail) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String prefix = code.substring(0, endOfWord(code, Math.max(0, Math.min(cursor, code.length()))));
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(prefix, prefix.length(), true);
        if (docs.isEmpty() && !prefix.endsWith("(")) {
            docs = analysis.documentation(prefix + "(", prefix.length() + 1, true);
        }
        if (!docs.isEmpty()) {
            return Optional.of(docs.stream()
                    .map(d -> d.signature() + (d.javadoc() == null ? "" : "\n" + javadocText(d.javadoc(), detail)))
                    .collect(Collectors.joining("\n\n")));
        }
        String type = analysis.analyzeType(prefix, prefix.length());
        return type == null || type.isBlank() ? Optional.empty() : Optional.of(identifierBefore(prefix) + " : " + type);
    }

    private static int endOfWord(String code, int cursor) {
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The whole Javadoc for detail requests, else its summary (the first sentence) and the tags. */
    private static String javadocText(String javadoc, boolean detail) {
        if (detail) {
            return javadoc;
        }
        String text = javadoc.strip();
        int tags = text.indexOf("\n@");
        String body = tags < 0 ? text : text.substring(0, tags);
        int sentence = body.indexOf(". ");
        String summary = sentence < 0 ? body : body.substring(0, sentence + 1);
        return tags < 0 ? summary : summary + "\n" + text.substring(tags + 1);
    }

    private static String identifierBefore(String prefix) {
        int start = prefix.length();
        while (start > 0 && (Character.isJavaIdentifierPart(prefix.charAt(start - 1)) || prefix.charAt(start - 1) == '.')) {
            start--;
        }
        return prefix.substring(start);
    }

    /** Whether the code is complete, incomplete (needs more lines) or invalid. */
    public String isComplete(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case EMPTY -> {
                    return COMPLETE;
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return INCOMPLETE;
                }
                default -> {
                    return INVALID;
                }
            }
        }
        return COMPLETE;
    }

    @Override
    public void close() {
        runner.interrupt();
        shell.close();
    }

    private static String kernelLocation() {
        try {
            return Path.of(Notebook.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            return System.getProperty("java.class.path").split(File.pathSeparator)[0];
        }
    }
}
