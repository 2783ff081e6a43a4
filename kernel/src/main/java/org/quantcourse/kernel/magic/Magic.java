package org.quantcourse.kernel.magic;

import java.util.List;

/** A magic command: receives its string arguments (and, for a cell magic, the cell body; null for a line magic). */
@FunctionalInterface
public interface Magic {

    /** Runs the magic and returns its result (may be null). */
    Object run(MagicContext context, List<String> args, String body) throws Exception;
}
