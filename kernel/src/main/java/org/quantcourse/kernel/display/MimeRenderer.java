package org.quantcourse.kernel.display;

import java.util.Map;
import java.util.Set;

/** Renders values of one kind into MIME representations. */
public interface MimeRenderer {

    /** Whether this renderer knows the value's type. */
    boolean supports(Object value);

    /** The MIME types (besides text/plain) this renderer produces. */
    Set<String> mimeTypes();

    /** Adds the representations of the value to the map (MIME type to data). */
    void render(Object value, Map<String, Object> into) throws Exception;
}
