package org.quantcourse.kernel.runtime;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Static entry points for notebook code: the kernel injects {@code display}, {@code render}, {@code updateDisplay},
 * {@code clearOutput}, {@code lineMagic} and {@code cellMagic} into JShell as methods delegating here. Libraries may
 * call these reflectively (class {@code org.quantcourse.kernel.runtime.Notebook}) to show rich output when run in
 * the kernel.
 */
public final class Notebook {

    private static volatile NotebookRuntime runtime;

    private Notebook() {
    }

    /** Installs the runtime of the running kernel; called once by the kernel at startup. */
    public static void install(NotebookRuntime kernelRuntime) {
        runtime = Objects.requireNonNull(kernelRuntime, "kernelRuntime");
    }

    /** Whether a kernel runtime is installed (false outside a notebook). */
    public static boolean isActive() {
        return runtime != null;
    }

    /** Renders a value as its richest representations, or only as the given MIME types (text/plain is always added). */
    public static MimeBundle render(Object value, String... mimeTypes) {
        return active().render(value, checkedMimeTypes("render", mimeTypes));
    }

    /** Shows a value as display_data now and returns the display id to pass to {@link #updateDisplay}. */
    public static String display(Object value, String... mimeTypes) {
        List<String> types = checkedMimeTypes("display", mimeTypes);
        String id = UUID.randomUUID().toString();
        NotebookRuntime kernel = active();
        kernel.display(kernel.render(value, types), id);
        return id;
    }

    /** Replaces what an earlier {@link #display} with this id shows, in place. */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        if (displayId == null || displayId.isBlank()) {
            throw new IllegalArgumentException("updateDisplay needs the id returned by display(...) as its first"
                    + " argument; got " + (displayId == null ? "null" : "\"" + displayId + "\""));
        }
        List<String> types = checkedMimeTypes("updateDisplay", mimeTypes);
        NotebookRuntime kernel = active();
        kernel.updateDisplay(kernel.render(value, types), displayId);
    }

    /** Clears the running cell's output; with wait=true only when the next output arrives. */
    public static void clearOutput(boolean wait) {
        active().clearOutput(wait);
    }

    /** Runs a line magic such as {@code jars} or {@code maven} with string arguments. */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, List<String> args) throws Exception {
        return (T) active().lineMagic(checkedMagicName("lineMagic", name), checkedArgs("lineMagic", args));
    }

    /** Runs a cell magic such as {@code loadFromPOM} with string arguments and a body. */
    @SuppressWarnings("unchecked")
    public static <T> T cellMagic(String name, List<String> args, String body) throws Exception {
        if (body == null) {
            throw new IllegalArgumentException("cellMagic needs the cell body as its third argument (\"\" for none);"
                    + " got null");
        }
        return (T) active().cellMagic(checkedMagicName("cellMagic", name), checkedArgs("cellMagic", args), body);
    }

    /** The MIME types as a list, or a clear error naming the function and the bad entry. */
    private static List<String> checkedMimeTypes(String function, String... mimeTypes) {
        if (mimeTypes == null) {
            throw new IllegalArgumentException(function + ": the MIME type array is null; leave it out to show every"
                    + " representation, or give types such as \"text/html\"");
        }
        for (int i = 0; i < mimeTypes.length; i++) {
            String type = mimeTypes[i];
            if (type == null || !type.matches("[\\w.+-]+/[\\w.+-]+")) {
                throw new IllegalArgumentException(function + ": MIME type #" + (i + 1) + " is "
                        + (type == null ? "null" : "\"" + type + "\", not of the form type/subtype")
                        + "; use one such as \"text/html\", \"text/plain\" or \"image/png\", or leave it out");
            }
        }
        return List.of(mimeTypes);
    }

    private static String checkedMagicName(String function, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(function + " needs a magic name such as \"jars\" or \"maven\"; got "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        return name;
    }

    private static List<String> checkedArgs(String function, List<String> args) {
        if (args == null || args.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(function + " needs a list of string arguments without nulls"
                    + " (List.of() for none); got " + args);
        }
        return args;
    }

    private static NotebookRuntime active() {
        NotebookRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("No notebook kernel is running: display/render work only inside the Java kernel");
        }
        return current;
    }
}
