package org.quantcourse.kernel.display;

import java.awt.image.BufferedImage;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/** Renders XChart charts as PNG through {@code BitmapEncoder}, found reflectively next to the chart's class. */
public final class XChartRenderer implements MimeRenderer {

    private static final String CHART = "org.knowm.xchart.internal.chartpart.Chart";
    private static final String ENCODER = "org.knowm.xchart.BitmapEncoder";

    @Override
    public boolean supports(Object value) {
        return TypeMatch.isA(value, CHART);
    }

    @Override
    public Set<String> mimeTypes() {
        return Set.of(ImagePngRenderer.IMAGE_PNG);
    }

    @Override
    public void render(Object value, Map<String, Object> into) throws Exception {
        Class<?> chartType = TypeMatch.find(value, CHART).orElseThrow();
        Class<?> encoder = Class.forName(ENCODER, true, chartType.getClassLoader());
        Method toImage = encoder.getMethod("getBufferedImage", chartType);
        BufferedImage image = (BufferedImage) toImage.invoke(null, value);
        into.put(ImagePngRenderer.IMAGE_PNG, ImagePngRenderer.pngBase64(image));
        Object title = chartType.getMethod("getTitle").invoke(value);
        into.put("text/plain", value.getClass().getSimpleName() + " \"" + (title == null ? "" : title) + "\" "
                + image.getWidth() + "x" + image.getHeight());
    }
}
