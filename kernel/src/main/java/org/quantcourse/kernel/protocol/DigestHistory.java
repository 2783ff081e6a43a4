package org.quantcourse.kernel.protocol;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The signatures of the most recent messages, so a replayed (identically signed) message is recognised, as
 * jupyter_client's {@code Session.digest_history} does; the oldest signatures are forgotten first.
 */
final class DigestHistory {

    /** As many signatures as jupyter_client remembers by default (2^16). */
    static final int DEFAULT_SIZE = 1 << 16;

    private final int size;
    private final Set<String> seen = new LinkedHashSet<>();

    private DigestHistory(int size) {
        this.size = size;
    }

    /** A history remembering the last {@code size} signatures. */
    static DigestHistory ofSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a digest history needs room for at least one signature; got " + size);
        }
        return new DigestHistory(size);
    }

    /** Records the signature; false when it was already seen (a replay). */
    synchronized boolean firstSeen(String signature) {
        if (!seen.add(signature)) {
            return false;
        }
        if (seen.size() > size) {
            seen.remove(seen.iterator().next());
        }
        return true;
    }
}
