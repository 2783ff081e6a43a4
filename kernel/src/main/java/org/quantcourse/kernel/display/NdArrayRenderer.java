package org.quantcourse.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.Arrays;
import java.util.List;

/** Renders ND4J {@code INDArray}s as readable text: a shape/dtype line, then ND4J's own (summarised) print-out. */
final class NdArrayRenderer {

    /** Renders INDArrays (and only them) as text. */
    static final LateBoundRenderer INSTANCE = new LateBoundRenderer("org.nd4j.linalg.api.ndarray.INDArray",
            List.of(MIMEType.TEXT_PLAIN), NdArrayRenderer::render);

    private NdArrayRenderer() {
    }

    private static void render(Object value, RenderContext context) {
        Class<?> type = TypeMatch.find(value, INSTANCE.typeName()).orElseThrow();
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> {
            try {
                long[] shape = (long[]) type.getMethod("shape").invoke(value);
                Object dataType = type.getMethod("dataType").invoke(value);
                return "INDArray " + dataType + " shape=" + Arrays.toString(shape) + "\n" + value;
            } catch (ReflectiveOperationException e) {
                throw Reflection.failure(value, e);
            }
        });
    }
}
