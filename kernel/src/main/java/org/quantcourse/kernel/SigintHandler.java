package org.quantcourse.kernel;

import org.quantcourse.kernel.io.KernelLog;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * Turns SIGINT into a cell interrupt (instead of ending the JVM) where the JVM offers {@code sun.misc.Signal}, so
 * a frontend using signal interrupts, or Ctrl-C in the terminal running Jupyter, stops the cell, not the kernel.
 */
final class SigintHandler {

    private SigintHandler() {
    }

    /** Installs the handler; logs and carries on where signals are unavailable. */
    static void install(Runnable onInterrupt) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object sigint = signal.getConstructor(String.class).newInstance("INT");
            InvocationHandler call = (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                    onInterrupt.run();
                }
                return null;
            };
            Object proxy = Proxy.newProxyInstance(SigintHandler.class.getClassLoader(), new Class<?>[]{handler}, call);
            signal.getMethod("handle", signal, handler).invoke(null, sigint, proxy);
        } catch (ReflectiveOperationException | RuntimeException e) {
            KernelLog.debug("SIGINT stays the JVM default: " + e);
        }
    }
}
