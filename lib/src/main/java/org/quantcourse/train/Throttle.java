package org.quantcourse.train;

import java.util.function.LongSupplier;

/** Lets an action through at most once per interval; the progress displays use it to stay cheap. */
final class Throttle {

    private final long intervalNanos;
    private final LongSupplier clock;
    private long last;
    private boolean started;

    Throttle(long intervalNanos, LongSupplier clock) {
        this.intervalNanos = intervalNanos;
        this.clock = clock;
    }

    /** True the first time and whenever at least the interval has passed since the last true. */
    boolean ready() {
        long now = clock.getAsLong();
        if (started && now - last < intervalNanos) {
            return false;
        }
        started = true;
        last = now;
        return true;
    }
}
