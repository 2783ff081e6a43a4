package org.quantcourse.kernel.eval;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Installs JShell's compiled classes into a {@link SnippetClassLoader} and finds them again by name. */
final class SnippetLoaderDelegate implements LoaderDelegate {

    private final SnippetClassLoader loader;
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();

    SnippetLoaderDelegate(SnippetClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        for (ClassBytecodes c : classes) {
            loader.declare(c.name(), c.bytecodes());
        }
        for (int i = 0; i < classes.length; i++) {
            try {
                Class<?> type = loader.loadClass(classes[i].name());
                type.getDeclaredMethods();
                loaded.put(classes[i].name(), type);
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("cannot load " + classes[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            loader.declare(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) {
        loader.addEntries(path);
    }

    /** Whether JShell had the class of this name installed. */
    boolean isLoaded(String name) {
        return loaded.containsKey(name);
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> type = loaded.get(name);
        if (type == null) {
            throw new ClassNotFoundException(name + " was not loaded by the notebook");
        }
        return type;
    }
}
