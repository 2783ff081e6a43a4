package org.quantcourse.kernel.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable set of representations of one value keyed by MIME type ({@code text/plain}, {@code image/png}, ...);
 * what {@code render(obj)} returns in a notebook.
 */
public record MimeBundle(Map<String, Object> data) {

    /** The MIME type every bundle carries. */
    public static final String TEXT_PLAIN = "text/plain";

    /** Copies the map and checks that a {@code text/plain} representation is present. */
    public MimeBundle {
        Objects.requireNonNull(data, "data");
        if (!data.containsKey(TEXT_PLAIN)) {
            throw new IllegalArgumentException("A MIME bundle needs a text/plain entry; got only " + data.keySet());
        }
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A bundle holding only the given plain text. */
    public static MimeBundle ofText(String text) {
        return new MimeBundle(Map.of(TEXT_PLAIN, text));
    }

    /** This bundle with one more (or a replaced) representation. */
    public MimeBundle with(String mimeType, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put(mimeType, value);
        return new MimeBundle(copy);
    }

    /** The plain-text representation. */
    public String text() {
        return String.valueOf(data.get(TEXT_PLAIN));
    }

    /** Whether the bundle has a representation for the MIME type. */
    public boolean has(String mimeType) {
        return data.containsKey(mimeType);
    }

    @Override
    public String toString() {
        return text();
    }
}
