package org.quantcourse.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.awt.image.BufferedImage;
import java.util.List;

/** Renders XChart charts as PNG (drawn by {@code BitmapEncoder}, found next to the chart's class) with a text summary. */
final class XChartRenderer {

    /** Renders XChart charts as PNG. */
    static final LateBoundRenderer INSTANCE = new LateBoundRenderer("org.knowm.xchart.internal.chartpart.Chart",
            List.of(MIMEType.IMAGE_PNG), XChartRenderer::render);
    private static final String ENCODER = "org.knowm.xchart.BitmapEncoder";

    private XChartRenderer() {
    }

    private static void render(Object value, RenderContext context) {
        Class<?> chartType = TypeMatch.find(value, INSTANCE.typeName()).orElseThrow();
        try {
            Class<?> encoder = Class.forName(ENCODER, true, chartType.getClassLoader());
            BufferedImage image = (BufferedImage) encoder.getMethod("getBufferedImage", chartType).invoke(null, value);
            Image.renderImage(image, context);
            Object title = chartType.getMethod("getTitle").invoke(value);
            context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> value.getClass().getSimpleName() + " \""
                    + (title == null ? "" : title) + "\" " + image.getWidth() + "x" + image.getHeight());
        } catch (ReflectiveOperationException e) {
            throw Reflection.failure(value, e);
        }
    }
}
