package org.quantcourse.kernel.eval;

import jdk.jshell.JShell;
import org.quantcourse.kernel.io.KernelLog;

import java.lang.reflect.Field;
import java.util.NavigableMap;

/**
 * JShell's in-memory store of compiled snippet classes, which it never empties: javac lists every class of the
 * {@code REPL} package on each compile, so a session slows down with every snippet it ever ran (quadratic cells) and
 * keeps every class file. This view forgets the classes of snippets no later compile can refer to (statements,
 * expressions, overwritten or dropped declarations). It needs {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED}
 * (the kernel jar's manifest opens it); without it nothing is forgotten and the session merely stays slower.
 */
final class CompiledClassStore {

    private static final String OPEN_HINT = "--add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED";

    private final NavigableMap<String, ?> classes;

    private CompiledClassStore(NavigableMap<String, ?> classes) {
        this.classes = classes;
    }

    /** The store of the given shell, or one that forgets nothing when JShell's internals are closed to the kernel. */
    static CompiledClassStore of(JShell shell) {
        try {
            Object taskFactory = field(shell, "taskFactory");
            Object fileManager = field(taskFactory, "fileManager");
            if (field(fileManager, "classObjects") instanceof NavigableMap<?, ?> map) {
                @SuppressWarnings("unchecked")
                NavigableMap<String, ?> classes = (NavigableMap<String, ?>) map;
                return new CompiledClassStore(classes);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            KernelLog.debug("compiled snippet classes are kept (start the JVM with " + OPEN_HINT + "): " + e);
        }
        return new CompiledClassStore(null);
    }

    /** Whether this store can forget classes (JShell's internals are open to the kernel). */
    boolean canForget() {
        return classes != null;
    }

    /** Forgets the class file of a wrapper class and of every class nested in it. */
    void forget(String wrapperClass) {
        if (classes == null || wrapperClass == null || wrapperClass.isEmpty()) {
            return;
        }
        classes.remove(wrapperClass);
        classes.subMap(wrapperClass + "$", true, wrapperClass + "%", false).clear();
    }

    /** How many class files JShell keeps (-1 when unknown). */
    int size() {
        return classes == null ? -1 : classes.size();
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
