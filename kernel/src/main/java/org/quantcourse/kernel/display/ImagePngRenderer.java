package org.quantcourse.kernel.display;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/** Renders {@link RenderedImage}s (BufferedImage, ...) as base64 PNG. */
public final class ImagePngRenderer implements MimeRenderer {

    /** The MIME type of PNG images. */
    public static final String IMAGE_PNG = "image/png";

    @Override
    public boolean supports(Object value) {
        return value instanceof RenderedImage;
    }

    @Override
    public Set<String> mimeTypes() {
        return Set.of(IMAGE_PNG);
    }

    @Override
    public void render(Object value, Map<String, Object> into) throws IOException {
        RenderedImage image = (RenderedImage) value;
        into.put(IMAGE_PNG, pngBase64(image));
        into.put("text/plain", value.getClass().getSimpleName() + " " + image.getWidth() + "x" + image.getHeight());
    }

    /** Encodes an image as PNG, base64 text as Jupyter expects. */
    public static String pngBase64(RenderedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("No PNG writer accepts image type " + image.getClass().getName());
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
