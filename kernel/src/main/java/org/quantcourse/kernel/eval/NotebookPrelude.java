package org.quantcourse.kernel.eval;

import java.util.List;

/**
 * The code every session starts with: IJava's default imports and the notebook functions, declared as JShell
 * methods with fully qualified types (so a user's {@code import java.awt.*;} cannot make them ambiguous) that
 * delegate to {@link org.quantcourse.kernel.runtime.Notebook}.
 */
public final class NotebookPrelude {

    private static final String BRIDGE = "org.quantcourse.kernel.runtime.Notebook";

    /** The imports IJava sessions start with. */
    public static final List<String> IMPORTS = List.of(
            "import java.util.*;", "import java.io.*;", "import java.math.*;", "import java.net.*;",
            "import java.util.concurrent.*;", "import java.util.prefs.*;", "import java.util.regex.*;");

    /** The notebook functions: display, render, updateDisplay, clearOutput, lineMagic, cellMagic, printf. */
    public static final List<String> FUNCTIONS = List.of(
            "java.lang.String display(java.lang.Object value, java.lang.String... mimeTypes) { return "
                    + BRIDGE + ".display(value, mimeTypes); }",
            "org.quantcourse.kernel.runtime.MimeBundle render(java.lang.Object value, java.lang.String... mimeTypes) "
                    + "{ return " + BRIDGE + ".render(value, mimeTypes); }",
            "void updateDisplay(java.lang.String displayId, java.lang.Object value, java.lang.String... mimeTypes) { "
                    + BRIDGE + ".updateDisplay(displayId, value, mimeTypes); }",
            "void clearOutput() { " + BRIDGE + ".clearOutput(false); }",
            "void clearOutput(boolean wait) { " + BRIDGE + ".clearOutput(wait); }",
            "<T> T lineMagic(java.lang.String name, java.util.List<java.lang.String> args) throws java.lang.Exception"
                    + " { return " + BRIDGE + ".lineMagic(name, args); }",
            "<T> T cellMagic(java.lang.String name, java.util.List<java.lang.String> args, java.lang.String body)"
                    + " throws java.lang.Exception { return " + BRIDGE + ".cellMagic(name, args, body); }",
            "void printf(java.lang.String format, java.lang.Object... args) { java.lang.System.out.printf(format, args); }");

    private NotebookPrelude() {
    }
}
