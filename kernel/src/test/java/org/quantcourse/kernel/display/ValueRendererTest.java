package org.quantcourse.kernel.display;

import org.junit.jupiter.api.Test;
import org.quantcourse.kernel.runtime.MimeBundle;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueRendererTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};
    private final ValueRenderer renderer = ValueRenderer.standalone();

    @Test
    void imagesBecomeBase64PngWithText() throws Exception {
        MimeBundle bundle = renderer.render(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        byte[] png = Base64.getDecoder().decode((String) bundle.data().get("image/png"));
        assertArrayEquals(PNG_SIGNATURE, java.util.Arrays.copyOf(png, 4));
        assertEquals("BufferedImage 3x2", bundle.text());
    }

    @Test
    void stringRequestedAsHtmlIsPassedThroughWithPlainText() throws Exception {
        MimeBundle bundle = renderer.render("<b>x</b>", List.of("text/html"));
        assertEquals(Set.of("text/html", "text/plain"), bundle.data().keySet());
        assertEquals("<b>x</b>", bundle.data().get("text/html"));
    }

    @Test
    void everyValueHasPlainText() throws Exception {
        assertEquals("[1, 2, 3]", renderer.render(new int[]{1, 2, 3}).text());
        assertEquals("[[a], [b]]", renderer.render(new String[][]{{"a"}, {"b"}}).text());
        assertEquals("42", renderer.render(42).text());
    }

    @Test
    void bundlesAreShownAsTheyAre() throws Exception {
        MimeBundle bundle = MimeBundle.ofText("t").with("text/markdown", "*t*");
        assertSame(bundle, renderer.render(bundle));
    }

    @Test
    void requestingOnlyPlainTextDropsRichForms() throws Exception {
        MimeBundle bundle = renderer.render(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), List.of("text/plain"));
        assertEquals(Set.of("text/plain"), bundle.data().keySet());
    }

    @Test
    void htmlEscapingCoversMarkupCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", TablesawRenderer.escape("<a href=\"x\">&'"));
    }

    @Test
    void longTablesShowHeadEllipsisAndTail() {
        int[] rows = TablesawRenderer.shownRows(1000);
        assertEquals(TablesawRenderer.MAX_ROWS + 1, rows.length);
        assertTrue(java.util.Arrays.stream(rows).anyMatch(r -> r == -1));
        assertEquals(999, rows[rows.length - 1]);
    }
}
