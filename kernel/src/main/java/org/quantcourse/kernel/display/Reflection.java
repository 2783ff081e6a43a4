package org.quantcourse.kernel.display;

import java.lang.reflect.InvocationTargetException;

/** What a renderer throws when a library call made by reflection fails. */
final class Reflection {

    private Reflection() {
    }

    /** An unchecked error naming the value's type and the library's own exception. */
    static IllegalStateException failure(Object value, ReflectiveOperationException e) {
        Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        return new IllegalStateException("Cannot render " + value.getClass().getName() + ": " + cause, cause);
    }
}
