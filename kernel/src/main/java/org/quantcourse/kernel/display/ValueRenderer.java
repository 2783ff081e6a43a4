package org.quantcourse.kernel.display;

import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.common.Text;
import org.dflib.jjava.jupyter.kernel.display.common.Url;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.quantcourse.kernel.runtime.MimeBundle;

import java.awt.image.RenderedImage;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns any value into a {@link MimeBundle} through jjava's {@link Renderer}: images as PNG (jjava's own
 * registration), XChart charts as PNG, Tablesaw tables as HTML and INDArrays as text (registered when their class
 * first shows up, since notebooks load those libraries), strings as any text type; a requested MIME type no
 * renderer produced is filled from the value itself (bytes as base64, JSON parsed). Every bundle has text/plain.
 */
public final class ValueRenderer {

    private static final List<LateBoundRenderer> LIBRARY_RENDERERS = List.of(XChartRenderer.INSTANCE,
            TablesawRenderer.INSTANCE, NdArrayRenderer.INSTANCE);
    /** What jjava's registrations and ours produce; jjava's DisplayData can only be read one MIME type at a time. */
    private static final List<MIMEType> PRODUCED = List.of(MIMEType.TEXT_PLAIN, MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG,
            MIMEType.IMAGE_JPEG, MIMEType.IMAGE_GIF, MIMEType.IMAGE_SVG, MIMEType.TEXT_MARKDOWN, MIMEType.TEXT_LATEX,
            MIMEType.APPLICATION_JAVASCRIPT, MIMEType.APPLICATION_JSON, MIMEType.TEXT_CSS);

    private final Renderer renderer;
    private final Set<Class<?>> registered = new HashSet<>();

    private ValueRenderer(Renderer renderer) {
        this.renderer = renderer;
        renderer.createRegistration(RenderedImage.class).supporting(MIMEType.TEXT_PLAIN).register(ValueRenderer::imageSize);
    }

    /** Renders with a kernel's renderer, in which jjava's {@code BaseKernel} registered images, text and URLs. */
    public static ValueRenderer over(Renderer kernelRenderer) {
        return new ValueRenderer(kernelRenderer);
    }

    /** A renderer outside any kernel, with the same registrations a kernel's has. */
    public static ValueRenderer standalone() {
        Renderer renderer = new Renderer();
        Image.registerAll(renderer);
        Url.registerAll(renderer);
        Text.registerAll(renderer);
        return over(renderer);
    }

    /** Renders the value with its richest representations. */
    public MimeBundle render(Object value) {
        return render(value, List.of());
    }

    /** Renders the value as the requested MIME types (all it has when none are requested), always with text/plain. */
    public synchronized MimeBundle render(Object value, List<String> mimeTypes) {
        if (value == null || value instanceof MimeBundle && mimeTypes.isEmpty()) {
            return value == null ? MimeBundle.ofText("null") : (MimeBundle) value;
        }
        registerLibraryTypes(value);
        DisplayData shown = mimeTypes.isEmpty() ? renderer.render(value)
                : renderer.renderAs(value, mimeTypes.toArray(String[]::new));
        Map<String, Object> data = new LinkedHashMap<>();
        Stream.concat(PRODUCED.stream(), mimeTypes.stream().map(MIMEType::parse)).distinct()
                .filter(shown::hasDataForType).forEach(type -> data.put(type.toString(), shown.getData(type)));
        mimeTypes.forEach(mime -> data.putIfAbsent(mime, raw(value, mime)));
        data.replaceAll((mime, rendered) -> isJson(mime) && rendered instanceof CharSequence text
                ? JsonParser.parseString(text.toString()) : rendered);
        if (value.getClass().isArray() || value instanceof MimeBundle || !data.containsKey(MimeBundle.TEXT_PLAIN)) {
            data.put(MimeBundle.TEXT_PLAIN, plainText(value));
        }
        if (!mimeTypes.isEmpty()) {
            data.keySet().retainAll(withPlainText(mimeTypes));
        }
        return new MimeBundle(data);
    }

    /** Registers the library renderers whose type the value has, once per loaded class. */
    @SuppressWarnings("unchecked")
    private void registerLibraryTypes(Object value) {
        for (LateBoundRenderer library : LIBRARY_RENDERERS) {
            TypeMatch.find(value, library.typeName()).filter(registered::add).ifPresent(type ->
                    renderer.createRegistration((Class<Object>) type)
                            .preferring(library.mimeTypes().toArray(MIMEType[]::new)).register(library.function()));
        }
    }

    private static void imageSize(RenderedImage image, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> image.getClass().getSimpleName() + " " + image.getWidth()
                + "x" + image.getHeight());
    }

    private static Set<String> withPlainText(List<String> mimeTypes) {
        Set<String> keep = new LinkedHashSet<>(mimeTypes);
        keep.add(MimeBundle.TEXT_PLAIN);
        return keep;
    }

    /** The value itself as the given MIME type: text for text-like types, base64 for bytes of binary types. */
    private static Object raw(Object value, String mime) {
        if (value instanceof MimeBundle bundle && bundle.has(mime)) {
            return bundle.data().get(mime);
        }
        if (value instanceof byte[] bytes) {
            return isText(mime) ? new String(bytes, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(bytes);
        }
        return plainText(value);
    }

    private static boolean isJson(String mime) {
        return mime.equals("application/json") || mime.endsWith("+json");
    }

    private static boolean isText(String mime) {
        return mime.startsWith("text/") || mime.endsWith("+xml") || mime.endsWith("json") || mime.contains("javascript");
    }

    /** The plain-text form of a value: arrays element by element, everything else through {@code toString}. */
    public static String plainText(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof MimeBundle bundle) {
            return bundle.text();
        }
        if (value.getClass().isArray()) {
            if (value instanceof Object[] objects) {
                return Arrays.deepToString(objects);
            }
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(value); i++) {
                out.append(i == 0 ? "" : ", ").append(Array.get(value, i));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }
}
