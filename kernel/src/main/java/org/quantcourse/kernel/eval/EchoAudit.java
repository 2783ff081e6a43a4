package org.quantcourse.kernel.eval;

import org.quantcourse.kernel.io.KernelLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opt-in record of the cells whose last snippet is a value-producing expression hidden by a trailing {@code ;}:
 * upstream IJava 1.4 shows such a value anyway (an extra {@code Out[n]}). With {@value #VARIABLE} set to a file, the
 * kernel creates it at start and appends one JSON line per such cell: {@code {"cell": "In[3]", "snippet": "...",
 * "type": "java.lang.String"}}. The course tests check the notebooks' executed runs with it.
 */
final class EchoAudit {

    /** The environment variable naming the log file. */
    static final String VARIABLE = "QUANTCOURSE_IJAVA_ECHO_LOG";

    private final Path file;

    private EchoAudit(Path file) {
        this.file = file;
    }

    /** The audit configured by the environment (inactive when the variable is unset); creates the file. */
    static EchoAudit fromEnvironment() {
        String configured = System.getenv(VARIABLE);
        if (configured == null || configured.isBlank()) {
            return new EchoAudit(null);
        }
        Path file = Path.of(configured);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new EchoAudit(file);
        } catch (IOException e) {
            KernelLog.warn(VARIABLE + "=" + configured + " is not writable: " + e);
            return new EchoAudit(null);
        }
    }

    /** An audit appending to the given file. */
    static EchoAudit to(Path file) {
        return new EchoAudit(file);
    }

    /** Records a value IJava would echo although the cell hides it with {@code ;}. */
    void hiddenValue(SnippetOrigin origin, String snippet, Object value) {
        if (file == null || value == null || origin.isKernel()) {
            return;
        }
        String line = "{\"cell\": " + json(origin.cell()) + ", \"snippet\": " + json(snippet.strip())
                + ", \"type\": " + json(value.getClass().getName()) + "}\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            KernelLog.warn("cannot append to " + file + ": " + e);
        }
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
