package org.savevminspector.app.gui.model;

import java.util.Locale;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;

/**
 * The offset forms only the viewer uses, hex first as its hex pane shows offsets, with the place in the QEVM stream
 * after it inside a save image; the short forms ({@code 0x1C2B}, {@code 0x0008}) and the messages'
 * {@code 7211 (0x1C2B)} are the parser's {@link Hex}.
 */
public final class OffsetFormat {
    private OffsetFormat() {
    }

    /** {@code 0x1C2B (7211)}. */
    public static String hexAndDecimal(long offset) {
        return Hex.plain(offset) + " (" + offset + ")";
    }

    /** {@code 0x00001C2B (7211)}: fixed width, for the detail panel. */
    public static String detail(long offset) {
        return String.format(Locale.ROOT, "0x%08X (%d)", offset, offset);
    }

    /**
     * In a save image, where the offset lies in the QEVM stream too, when {@code stream} (the stream's span in the
     * file, {@code null} for a bare stream) holds it: {@code 0x0402208D (67248269; stream +0x1D58)}. The file offset
     * comes first: it is the one the hex pane, the tree and the reports use.
     */
    public static String detail(long offset, Span stream) {
        return inStream(offset, stream) ? String.format(Locale.ROOT, "0x%08X (%d; stream +%s)", offset, offset,
                Hex.plain(offset - stream.offset())) : detail(offset);
    }

    /** {@code 0x402208D (67248269; stream +0x1D58)}, or {@link #hexAndDecimal(long)} outside a stream. */
    public static String hexAndDecimal(long offset, Span stream) {
        return inStream(offset, stream) ? Hex.plain(offset) + " (" + offset + "; stream +"
                + Hex.plain(offset - stream.offset()) + ")" : hexAndDecimal(offset);
    }

    private static boolean inStream(long offset, Span stream) {
        return stream != null && offset >= stream.offset() && offset < stream.end();
    }
}
