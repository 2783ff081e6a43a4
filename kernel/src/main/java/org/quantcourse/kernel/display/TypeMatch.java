package org.quantcourse.kernel.display;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Finds a class or interface by name in a value's type hierarchy, so libraries need not be on the kernel's classpath. */
public final class TypeMatch {

    private TypeMatch() {
    }

    /** The supertype (class or interface) of the value named {@code className}, if it has one. */
    public static Optional<Class<?>> find(Object value, String className) {
        if (value == null) {
            return Optional.empty();
        }
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        todo.add(value.getClass());
        while (!todo.isEmpty()) {
            Class<?> type = todo.poll();
            if (!seen.add(type)) {
                continue;
            }
            if (type.getName().equals(className)) {
                return Optional.of(type);
            }
            if (type.getSuperclass() != null) {
                todo.add(type.getSuperclass());
            }
            todo.addAll(java.util.Arrays.asList(type.getInterfaces()));
        }
        return Optional.empty();
    }

    /** Whether the value is an instance of the named type. */
    public static boolean isA(Object value, String className) {
        return find(value, className).isPresent();
    }
}
