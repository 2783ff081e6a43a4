package org.quantcourse.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderFunction;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.List;

/**
 * A jjava render function for a type known only by name (its library is loaded by the notebook, after the kernel
 * started), registered with jjava's {@code Renderer} when a value of that type first shows up.
 *
 * @param typeName  the fully qualified name of the class or interface drawn
 * @param mimeTypes the MIME types produced besides text/plain, the first preferred
 * @param function  the render function
 */
record LateBoundRenderer(String typeName, List<MIMEType> mimeTypes, RenderFunction<Object> function) {
}
