package org.quantcourse.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.quantcourse.kernel.display.ValueRenderer;
import org.quantcourse.kernel.eval.CellFailure;
import org.quantcourse.kernel.eval.EvaluatorConfig;
import org.quantcourse.kernel.eval.JavaEvaluator;
import org.quantcourse.kernel.eval.UserThreadRunner;
import org.quantcourse.kernel.guard.ExitGuard;
import org.quantcourse.kernel.guard.HeapGuard;
import org.quantcourse.kernel.io.KernelLog;
import org.quantcourse.kernel.io.NotebookInput;
import org.quantcourse.kernel.io.OutputPump;
import org.quantcourse.kernel.magic.Magics;
import org.quantcourse.kernel.maven.MavenResolver;
import org.quantcourse.kernel.protocol.KernelChannels;
import org.quantcourse.kernel.protocol.Replies;
import org.quantcourse.kernel.protocol.TracebackColors;
import org.quantcourse.kernel.runtime.MimeBundle;
import org.quantcourse.kernel.runtime.Notebook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java kernel: executes cells with an in-process JShell (values rendered as rich output), answers completion,
 * inspection, is_complete, history and kernel_info, and stops a running cell on interrupt_request. The JShell
 * session starts in the background so kernel_info is answered at once.
 */
public final class JavaKernel extends BaseKernel {

    /** The kernelspec and language name. */
    public static final String LANGUAGE = "java";
    private static final Pattern PAGER = Pattern.compile("^\\s*([\\w.$]+(?:\\([^)]*\\))?)\\?\\s*$");

    private final OutputPump pump;
    private final KernelEnvironment environment;
    private final SessionHistory history;
    private final CompletableFuture<CellRunner> session = new CompletableFuture<>();
    private final ValueRenderer renderer;
    private final NotebookInput stdin = new NotebookInput();
    private volatile KernelChannels channels;
    private volatile String startupNotes = "";

    private JavaKernel(OutputPump pump, KernelEnvironment environment, SessionHistory history) {
        super("quantcourse-java", version(), languageInfo(), List.of(
                        new HelpLink("Java 17 API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                history, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null,
                Magics.standard().jjavaRegistry(), false, new StringStyler.Builder().build());
        this.renderer = ValueRenderer.over(getRenderer());
        this.pump = pump;
        this.environment = environment;
        this.history = history;
    }

    /** Creates the kernel and starts its JShell session in the background. */
    public static JavaKernel start(OutputPump pump, KernelEnvironment environment) {
        JavaKernel kernel = new JavaKernel(pump, environment, new SessionHistory());
        Notebook.install(new KernelNotebookRuntime(kernel.renderer, pump, kernel.session::join));
        Thread starter = new Thread(kernel::startSession, "kernel-session-start");
        starter.setDaemon(true);
        starter.start();
        return kernel;
    }

    private static LanguageInfo languageInfo() {
        Runtime.Version v = Runtime.version();
        return new LanguageInfo.Builder(LANGUAGE).version(v.feature() + "." + v.interim() + "." + v.update())
                .mimetype("text/x-java").fileExtension(".jshell").pygments("java").codemirror("text/x-java").build();
    }

    private static String version() {
        String v = JavaKernel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private void startSession() {
        try {
            EvaluatorConfig config = new EvaluatorConfig(environment.classpath(), environment.compilerOptions(),
                    environment.timeout(), EvaluatorConfig.DEFAULT_STACK_BYTES);
            CellRunner runner = new CellRunner(JavaEvaluator.start(config), Magics.standard(), MavenResolver.standard());
            List<String> notes = new ArrayList<>(environment.warnings());
            if (!ExitGuard.isInstalled()) {
                notes.add("System.exit in a cell would end this kernel and lose all variables: it was not started"
                        + " with `java -jar`, so its exit guard is off (reinstall the kernelspec to fix)");
            }
            runStartupScripts(runner, notes);
            startupNotes = notes.isEmpty() ? "" : "Kernel startup: " + String.join("\n", notes) + "\n";
            session.complete(runner);
            KernelLog.debug("JShell session ready");
        } catch (Throwable t) {
            KernelLog.warn("JShell session failed to start: " + t);
            session.completeExceptionally(t);
        }
    }

    private void runStartupScripts(CellRunner runner, List<String> notes) {
        for (Path script : environment.startupScripts()) {
            try {
                runner.run(Files.readString(script, StandardCharsets.UTF_8), script.getFileName().toString());
            } catch (CellFailure f) {
                notes.add(script + ": " + f.ename() + ": " + f.evalue());
            } catch (Exception e) {
                notes.add(script + ": " + e);
            }
        }
        if (!environment.startupScript().isBlank()) {
            try {
                runner.run(environment.startupScript(), "IJAVA_STARTUP_SCRIPT");
            } catch (CellFailure f) {
                notes.add("IJAVA_STARTUP_SCRIPT: " + f.ename() + ": " + f.evalue());
            }
        }
    }

    /** The stream to install as {@code System.in}: lines typed in the frontend, when the running cell allows it. */
    public NotebookInput stdin() {
        return stdin;
    }

    /** Registers the handlers of every message type on the shell and control channels. */
    public void serve(KernelChannels channels) {
        this.channels = channels;
        channels.onShell(MessageType.EXECUTE_REQUEST, this::handleExecuteRequest);
        channels.onShell(MessageType.INSPECT_REQUEST, this::handleInspectRequest);
        channels.onShell(MessageType.COMPLETE_REQUEST, this::handleCompleteRequest);
        channels.onShell(MessageType.HISTORY_REQUEST, this::handleHistoryRequest);
        channels.onShell(MessageType.IS_COMPLETE_REQUEST, this::handleIsCodeCompeteRequest);
        channels.onShell(MessageType.KERNEL_INFO_REQUEST, this::handleKernelInfoRequest);
        channels.onShell(MessageType.SHUTDOWN_REQUEST, this::handleShutdownRequest);
        channels.onControl(MessageType.KERNEL_INFO_REQUEST, this::handleKernelInfoRequest);
        channels.onControl(MessageType.SHUTDOWN_REQUEST, this::handleShutdownRequest);
        channels.onControl(MessageType.INTERRUPT_REQUEST, this::handleInterruptRequest);
        commManager.setIOPubChannel(channels.iopubSocket());
        channels.onShell(MessageType.COMM_OPEN_COMMAND, commManager::handleCommOpenCommand);
        channels.onShell(MessageType.COMM_MSG_COMMAND, commManager::handleCommMsgCommand);
        channels.onShell(MessageType.COMM_CLOSE_COMMAND, commManager::handleCommCloseCommand);
        channels.onShell(MessageType.COMM_INFO_REQUEST, commManager::handleCommInfoRequest);
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Replies.KernelInfo(Header.PROTOCOL_VERISON, name, version, languageInfo, getBanner(), helpLinks));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        env.reply(new Replies.History(entries).replyTo(message));
    }

    @Override
    protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        if (request.getCode() == null) {
            replyInvalidRequest(env, "the execute_request has no 'code' field; nothing was run (the frontend must"
                    + " send the cell's source as content.code)");
            return;
        }
        boolean store = request.shouldStoreHistory() && !request.isSilent();
        int count = store ? executionCount.getAndIncrement() : Math.max(0, executionCount.get() - 1);
        env.setBusyDeferIdle();
        if (!request.isSilent()) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        commManager.setMessageContext(message);
        pump.setParent(message);
        String output = "";
        stdin.attach(request.isStdinEnabled() ? () -> askForLine(message) : null);
        try {
            CellRunner cells = awaitSession();
            cells.evaluator().runner().resetInterrupt();
            emitStartupNotes();
            List<Map<String, Object>> payload = new ArrayList<>();
            Optional<MimeBundle> result = runCell(cells, request.getCode(), count, payload);
            pump.flush();
            if (result.isPresent() && !request.isSilent()) {
                output = result.get().text();
                env.publish(new PublishExecuteResult(count, KernelNotebookRuntime.toDisplayData(result.get(), null)));
            }
            env.reply(new Replies.Execute(count, payload));
        } catch (CellFailure failure) {
            replyFailure(env, request, count, failure);
        } catch (OutOfMemoryError heapFull) {
            replyFailure(env, request, count, outOfMemory(heapFull));
        } finally {
            stdin.detach();
            pump.flush();
            if (store) {
                history.record(count, request.getCode(), output);
            }
        }
    }

    private void replyFailure(ShellReplyEnvironment env, ExecuteRequest request, int count, CellFailure failure) {
        pump.flush();
        List<String> traceback = TracebackColors.highlighted(failure.traceback());
        if (!request.isSilent()) {
            env.publish(new PublishError(failure.ename(), failure.evalue(), traceback));
        }
        ErrorReply error = new ErrorReply(failure.ename(), failure.evalue(), traceback);
        error.setExecutionCount(count);
        if (request.shouldStopOnError() && !request.isSilent()) {
            channels.abortQueuedExecutions();
        }
        env.replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
    }

    /**
     * The failure of a cell during which the kernel itself ran out of heap (compiling it, say, while variables hold
     * nearly all of it): the reserve is given back first, so that the reply can still be written.
     */
    private static CellFailure outOfMemory(OutOfMemoryError heapFull) {
        HeapGuard.process().recover();
        List<String> lines = new ArrayList<>();
        lines.add("java.lang.OutOfMemoryError: " + heapFull.getMessage() + " (while the kernel ran the cell)");
        lines.addAll(HeapGuard.advice());
        return new CellFailure("OutOfMemoryError", String.valueOf(heapFull.getMessage()), lines);
    }

    private void replyInvalidRequest(ShellReplyEnvironment env, String problem) {
        env.setBusyDeferIdle();
        List<String> traceback = TracebackColors.highlighted(List.of("InvalidRequestException: " + problem));
        env.publish(new PublishError("InvalidRequestException", problem, traceback));
        ErrorReply error = new ErrorReply("InvalidRequestException", problem, traceback);
        error.setExecutionCount(executionCount.get());
        env.replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
    }

    /** Shows what the cell printed so far (a prompt), then asks the frontend for a line. */
    private String askForLine(MessageContext request) throws java.io.IOException {
        System.out.flush();
        System.err.flush();
        pump.flush();
        return channels.requestInput(request, "", false);
    }

    private Optional<MimeBundle> runCell(CellRunner cells, String code, int count, List<Map<String, Object>> payload)
            throws CellFailure {
        Matcher pager = PAGER.matcher(code);
        if (pager.matches()) {
            String target = pager.group(1);
            String doc = cells.evaluator().inspect(target, target.length(), true)
                    .orElse("No documentation found for " + target);
            payload.add(Map.of("source", "page", "data", Map.of("text/plain", doc), "start", 0));
            return Optional.empty();
        }
        Optional<Object> value = cells.run(code, "In[" + count + "]");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(renderOnUserThread(cells, value.get()));
    }

    private MimeBundle renderOnUserThread(CellRunner cells, Object value) throws CellFailure {
        try {
            return cells.evaluator().runner().run(() -> renderer.render(value), java.time.Duration.ZERO);
        } catch (UserThreadRunner.Interrupted e) {
            throw CellFailure.interrupted(false, java.time.Duration.ZERO);
        } catch (Exception e) {
            Throwable cause = e instanceof UserThreadRunner.UserCodeError ? e.getCause() : e;
            String message = "cannot show the cell's value (" + value.getClass().getName() + "): " + cause;
            return MimeBundle.ofText(message);
        }
    }

    private void emitStartupNotes() {
        String notes = startupNotes;
        if (!notes.isEmpty()) {
            startupNotes = "";
            pump.write(PublishStream.StreamType.ERR, notes);
        }
    }

    private CellRunner awaitSession() throws CellFailure {
        try {
            return session.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CellFailure failure) {
                throw failure;
            }
            throw new CellFailure("KernelStartupException", String.valueOf(cause),
                    List.of("The JShell session could not start: " + cause));
        }
    }

    @Override
    public Object evalRaw(String source) {
        try {
            return awaitSession().run(source, "eval").orElse(null);
        } catch (CellFailure f) {
            throw new IllegalStateException(f.getMessage(), f);
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        Optional<String> doc = sessionNow().flatMap(s -> s.evaluator().inspect(code, at, extraDetail));
        return doc.map(DisplayData::new).orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return sessionNow().map(s -> {
            JavaEvaluator.Completion c = s.evaluator().complete(code, at);
            return new ReplacementOptions(c.matches(), c.start(), c.end());
        }).orElse(null);
    }

    @Override
    public String isComplete(String code) {
        if (code.stripLeading().startsWith("%%")) {
            return IS_COMPLETE_YES;
        }
        String javaOnly = code.lines().filter(l -> !l.stripLeading().matches("%\\w.*")).reduce("", (a, b) -> a + b + "\n");
        return sessionNow().map(s -> switch (s.evaluator().isComplete(javaOnly)) {
            case JavaEvaluator.COMPLETE -> IS_COMPLETE_YES;
            case JavaEvaluator.INCOMPLETE -> indentFor(code);
            default -> IS_COMPLETE_BAD;
        }).orElse(IS_COMPLETE_MAYBE);
    }

    private static String indentFor(String code) {
        String last = code.lines().reduce("", (a, b) -> b);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        return last.strip().endsWith("{") ? indent + "    " : indent;
    }

    private Optional<CellRunner> sessionNow() {
        try {
            return Optional.of(awaitSession());
        } catch (CellFailure f) {
            return Optional.empty();
        }
    }

    @Override
    public void interrupt() {
        if (session.isDone() && !session.isCompletedExceptionally()) {
            session.join().evaluator().runner().interrupt();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        session.thenAccept(s -> s.evaluator().close());
        super.onShutdown(isRestarting);
    }
}
