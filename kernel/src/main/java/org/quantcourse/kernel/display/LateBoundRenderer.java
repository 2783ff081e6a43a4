package org.quantcourse.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderFunction;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.List;

/**
 * A jjava render function for a type known only by name (its library is loaded by the notebook, after the kernel
 * started), registered with jjava's {@code Renderer} when a value of that type first shows up.
 */
interface LateBoundRenderer extends RenderFunction<Object> {

    /** The fully qualified name of the class or interface this renderer draws. */
    String typeName();

    /** The MIME types it produces besides text/plain, the first preferred. */
    List<MIMEType> mimeTypes();
}
