package org.quantcourse.kernel.eval;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of notebook code: JShell's compiled snippet classes plus every jar or directory added with
 * {@code %jars}, {@code %classpath} or {@code %maven}. Its parent is the kernel's loader, whose own dependencies are
 * relocated, so user code brings its own versions of gson, slf4j and the like. Snippet classes get interrupt checks
 * ({@link InterruptInstrumenter}) as they are defined.
 */
public final class SnippetClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

    /** A loader delegating first to the given parent. */
    public SnippetClassLoader(ClassLoader parent) {
        super("notebook", new URL[0], parent);
    }

    /** Makes compiled snippet bytecode available under its class name. */
    void declare(String name, byte[] bytecode) {
        declared.put(name, bytecode);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] declaredBytes = declared.get(name);
        if (declaredBytes != null) {
            byte[] bytes = InterruptInstrumenter.instrument(declaredBytes);
            Class<?> defined = defineClass(name, bytes, 0, bytes.length);
            declared.remove(name, declaredBytes);
            return defined;
        }
        return super.findClass(name);
    }

    /** Adds a jar or directory; a path-separated list adds each entry. */
    public void addEntries(String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addURL(toUrl(entry));
            }
        }
    }

    private static URL toUrl(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a usable classpath entry: " + entry, e);
        }
    }
}
