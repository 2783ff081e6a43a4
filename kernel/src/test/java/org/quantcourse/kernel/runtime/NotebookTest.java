package org.quantcourse.kernel.runtime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookTest {

    private final List<String> shown = new ArrayList<>();

    @BeforeEach
    void installRecordingKernel() {
        Notebook.install(new NotebookRuntime() {
            @Override
            public MimeBundle render(Object value, List<String> mimeTypes) {
                return MimeBundle.ofText(String.valueOf(value));
            }

            @Override
            public void display(MimeBundle bundle, String displayId) {
                shown.add(bundle.text());
            }

            @Override
            public void updateDisplay(MimeBundle bundle, String displayId) {
                shown.add("update " + bundle.text());
            }

            @Override
            public void clearOutput(boolean wait) {
            }

            @Override
            public Object lineMagic(String name, List<String> args) {
                return name + args;
            }

            @Override
            public Object cellMagic(String name, List<String> args, String body) {
                return name + args + body;
            }
        });
    }

    private static void assertClearError(Executable call, String... expectedParts) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
        for (String part : expectedParts) {
            assertTrue(error.getMessage().contains(part), error.getMessage() + " should mention " + part);
        }
    }

    @Test
    void aNullMimeTypeIsAClearErrorNotANullPointerException() {
        assertClearError(() -> Notebook.display("x", (String) null), "display", "MIME type #1 is null", "text/html");
        assertClearError(() -> Notebook.render("x", "text/html", null), "render", "MIME type #2 is null");
        assertClearError(() -> Notebook.updateDisplay("id", "x", (String) null), "updateDisplay", "#1 is null");
    }

    @Test
    void aNullMimeTypeArrayIsAClearError() {
        assertClearError(() -> Notebook.display("x", (String[]) null), "display", "array is null");
    }

    @Test
    void somethingThatIsNotAMimeTypeIsAClearError() {
        assertClearError(() -> Notebook.display("x", "html"), "\"html\"", "type/subtype");
    }

    @Test
    void nothingIsShownWhenTheArgumentsAreBad() {
        assertThrows(IllegalArgumentException.class, () -> Notebook.display("x", (String) null));
        assertEquals(List.of(), shown);
    }

    @Test
    void aNullValueIsShownAsNull() {
        Notebook.display(null);
        Notebook.updateDisplay(Notebook.display("first"), null);
        assertEquals(List.of("null", "first", "update null"), shown);
    }

    @Test
    void updateDisplayWithoutAnIdSaysWhichIdItNeeds() {
        assertClearError(() -> Notebook.updateDisplay(null, "x"), "id returned by display", "got null");
    }

    @Test
    void magicsWithNullArgumentsAreClearErrors() {
        assertClearError(() -> Notebook.lineMagic(null, List.of()), "lineMagic", "magic name");
        assertClearError(() -> Notebook.lineMagic("jars", null), "lineMagic", "List.of()");
        assertClearError(() -> Notebook.lineMagic("jars", Arrays.asList("a", null)), "without nulls");
        assertClearError(() -> Notebook.cellMagic("loadFromPOM", List.of(), null), "cell body");
    }

    @Test
    void goodArgumentsStillWork() throws Exception {
        Notebook.display("<b>x</b>", "text/html", "application/vnd.custom+json");
        assertEquals("jars[a]", Notebook.lineMagic("jars", List.of("a")));
        assertEquals(List.of("<b>x</b>"), shown);
    }
}
