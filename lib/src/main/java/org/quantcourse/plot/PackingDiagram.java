package org.quantcourse.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.quantcourse.quant.BitPacker;

/**
 * How {@link BitPacker} lays codes into bytes, drawn: each code as a coloured box above its bits, the bit stream in
 * stream order (bit 0 of byte 0 first, least significant bit of each code first), byte boundaries as thick lines and
 * each byte's value underneath. Used in notebook 02.
 */
public final class PackingDiagram {

    /** Width and height of one bit's cell in pixels. */
    static final int CELL = 30;
    /** Margin around the drawing in pixels. */
    static final int MARGIN = 20;
    /** The most bits one diagram draws (a row that fits a slide). */
    static final int MAX_BITS = 64;

    private static final Color[] PALETTE = {new Color(120, 170, 230), new Color(250, 180, 100),
        new Color(140, 210, 140), new Color(230, 140, 160), new Color(190, 160, 230), new Color(240, 220, 110)};
    private static final int CODE_ROW = MARGIN + 30;
    private static final int BIT_ROW = CODE_ROW + CELL + 12;
    private static final int HEIGHT = BIT_ROW + CELL + 60;

    private final int[] codes;
    private final int bits;
    private final byte[] packed;

    private PackingDiagram(int[] codes, int bits, byte[] packed) {
        this.codes = codes;
        this.bits = bits;
        this.packed = packed;
    }

    /** The diagram of unsigned {@code codes} of {@code bits} bits each (at most 64 bits in all). */
    public static PackingDiagram of(int[] codes, int bits) {
        byte[] packed = BitPacker.pack(codes, bits);
        if (packed.length * 8 > MAX_BITS) {
            throw new IllegalArgumentException("a packing diagram draws at most " + MAX_BITS + " bits, but "
                    + codes.length + " codes of " + bits + " bits take " + packed.length + " bytes: draw fewer codes");
        }
        return new PackingDiagram(codes.clone(), bits, packed);
    }

    /** The packed bytes the diagram shows (as {@link BitPacker#pack} makes them). */
    public byte[] bytes() {
        return packed.clone();
    }

    /** The code that owns bit {@code index} of the stream, or −1 for padding. */
    public int ownerOfBit(int index) {
        int owner = index / bits;
        return owner < codes.length ? owner : -1;
    }

    /** The colour of code {@code i}'s box and bits. */
    public static Color colourOf(int code) {
        return PALETTE[code % PALETTE.length];
    }

    /** The x pixel of the left edge of bit {@code index}'s cell. */
    public static int leftOfBit(int index) {
        return MARGIN + index * CELL;
    }

    /** The y pixel of the middle of the bit row. */
    public static int bitRowMiddle() {
        return BIT_ROW + CELL / 2;
    }

    /** The diagram as an image, ready for {@code display(...)}. */
    public BufferedImage image() {
        int streamBits = packed.length * 8;
        BufferedImage image = new BufferedImage(Math.max(2 * MARGIN + streamBits * CELL, 420), HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(codes.length + " codes × " + bits + " bits → " + packed.length + " bytes (bit 0 first)", MARGIN, MARGIN + 10);
        drawCodes(g);
        drawBits(g, streamBits);
        g.dispose();
        return image;
    }

    private void drawCodes(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int i = 0; i < codes.length; i++) {
            int left = leftOfBit(i * bits);
            g.setColor(colourOf(i));
            g.fillRect(left, CODE_ROW, bits * CELL, CELL);
            g.setColor(Color.BLACK);
            g.drawRect(left, CODE_ROW, bits * CELL, CELL);
            g.drawString("q" + i + "=" + codes[i], left + 4, CODE_ROW + CELL / 2 + 5);
        }
    }

    private void drawBits(Graphics2D g, int streamBits) {
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 16));
        for (int k = 0; k < streamBits; k++) {
            int owner = ownerOfBit(k);
            int bit = (packed[k / 8] >> (k % 8)) & 1;
            g.setColor(owner < 0 ? Color.LIGHT_GRAY : colourOf(owner));
            g.fillRect(leftOfBit(k), BIT_ROW, CELL, CELL);
            g.setColor(Color.BLACK);
            g.drawRect(leftOfBit(k), BIT_ROW, CELL, CELL);
            g.drawString(Integer.toString(bit), leftOfBit(k) + CELL / 2 - 5, BIT_ROW + CELL / 2 + 6);
        }
        g.setStroke(new BasicStroke(3f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int b = 0; b < packed.length; b++) {
            g.drawRect(leftOfBit(8 * b), BIT_ROW, 8 * CELL, CELL);
            g.drawString(String.format("byte %d = 0x%02X", b, packed[b] & 0xFF), leftOfBit(8 * b) + 6, BIT_ROW + CELL + 22);
        }
    }
}
