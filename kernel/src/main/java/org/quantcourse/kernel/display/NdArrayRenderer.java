package org.quantcourse.kernel.display;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/** Renders ND4J {@code INDArray}s as readable text: a shape/dtype line, then ND4J's own (summarised) print-out. */
public final class NdArrayRenderer implements MimeRenderer {

    private static final String ND_ARRAY = "org.nd4j.linalg.api.ndarray.INDArray";

    @Override
    public boolean supports(Object value) {
        return TypeMatch.isA(value, ND_ARRAY);
    }

    @Override
    public Set<String> mimeTypes() {
        return Set.of();
    }

    @Override
    public void render(Object value, Map<String, Object> into) throws Exception {
        Class<?> type = TypeMatch.find(value, ND_ARRAY).orElseThrow();
        long[] shape = (long[]) type.getMethod("shape").invoke(value);
        Object dataType = type.getMethod("dataType").invoke(value);
        into.put("text/plain", "INDArray " + dataType + " shape=" + Arrays.toString(shape) + "\n" + value);
    }
}
