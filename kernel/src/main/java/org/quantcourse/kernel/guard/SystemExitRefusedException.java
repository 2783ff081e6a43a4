package org.quantcourse.kernel.guard;

/** Thrown in place of {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} called by notebook code. */
public final class SystemExitRefusedException extends SecurityException {

    SystemExitRefusedException(String call, int status) {
        super(call + "(" + status + ") was not run: it would stop the kernel and lose every variable of this "
                + "session. To end a cell early, return or throw an exception; to start over, use Kernel > Restart.");
    }
}
