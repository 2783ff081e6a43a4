package org.quantcourse.kernel.runtime;

import java.util.List;

/** What the running kernel offers to notebook code through {@link Notebook}. */
public interface NotebookRuntime {

    /** Renders a value into a bundle, optionally only as the requested MIME types (plus text/plain). */
    MimeBundle render(Object value, List<String> mimeTypes);

    /** Publishes a bundle as display_data under the given display id. */
    void display(MimeBundle bundle, String displayId);

    /** Replaces the content of an earlier display (update_display_data). */
    void updateDisplay(MimeBundle bundle, String displayId);

    /** Clears the output of the running cell, now or (wait) before the next output. */
    void clearOutput(boolean wait);

    /** Runs a line magic by name and returns its result. */
    Object lineMagic(String name, List<String> args) throws Exception;

    /** Runs a cell magic by name with its body and returns its result. */
    Object cellMagic(String name, List<String> args, String body) throws Exception;
}
