package org.quantcourse.kernel.display;

import org.quantcourse.kernel.runtime.MimeBundle;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns any value into a {@link MimeBundle}: images and XChart charts as PNG, Tablesaw tables as HTML, INDArrays as
 * text, strings as any requested MIME type, everything with text/plain.
 */
public final class ValueRenderer {

    private final List<MimeRenderer> renderers;

    private ValueRenderer(List<MimeRenderer> renderers) {
        this.renderers = List.copyOf(renderers);
    }

    /** The renderer with every built-in kind (images, XChart, Tablesaw, ND4J). */
    public static ValueRenderer standard() {
        return new ValueRenderer(List.of(new ImagePngRenderer(), new XChartRenderer(), new TablesawRenderer(),
                new NdArrayRenderer()));
    }

    /** Renders the value with its richest representations. */
    public MimeBundle render(Object value) throws Exception {
        return render(value, List.of());
    }

    /** Renders the value as the requested MIME types (all it has when none are requested), always with text/plain. */
    public MimeBundle render(Object value, List<String> mimeTypes) throws Exception {
        if (value instanceof MimeBundle bundle && mimeTypes.isEmpty()) {
            return bundle;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (MimeRenderer renderer : renderers) {
            if (renderer.supports(value) && wanted(renderer, mimeTypes)) {
                renderer.render(value, data);
                break;
            }
        }
        for (String mime : mimeTypes) {
            if (!data.containsKey(mime)) {
                data.put(mime, raw(value, mime));
            }
        }
        data.putIfAbsent(MimeBundle.TEXT_PLAIN, plainText(value));
        data.keySet().retainAll(kept(mimeTypes, data));
        return new MimeBundle(data);
    }

    private static boolean wanted(MimeRenderer renderer, List<String> mimeTypes) {
        return mimeTypes.isEmpty() || mimeTypes.stream().anyMatch(renderer.mimeTypes()::contains)
                || mimeTypes.contains(MimeBundle.TEXT_PLAIN);
    }

    private static java.util.Set<String> kept(List<String> mimeTypes, Map<String, Object> data) {
        if (mimeTypes.isEmpty()) {
            return data.keySet();
        }
        java.util.Set<String> keep = new java.util.HashSet<>(mimeTypes);
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
        String text = plainText(value);
        if (mime.equals("application/json") || mime.endsWith("+json")) {
            return com.google.gson.JsonParser.parseString(text);
        }
        return text;
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
