package org.savevminspector.app.gui.hex;

/**
 * Geometry of the hex pane in character cells: {@code OOOOOOOO  hh hh hh hh hh hh hh hh  hh … hh  ................}
 * (offset, 16 bytes in two groups of 8, ASCII). Rows are addressed by a {@code long} index; pixel positions are
 * cell positions times the character width, so the Canvas control and its hit testing share this one model.
 *
 * @param offsetDigits hex digits of the offset column: as many as the file's last offset needs, at least 8, so
 *                     the hex columns start two cells after the offset whatever the file size
 */
public record HexLayout(int offsetDigits) {
    public static final int BYTES_PER_ROW = 16;
    /** Offsets of files under 4 GiB need 8 hex digits; the column never gets narrower. */
    public static final int MIN_OFFSET_DIGITS = 8;
    /** The layout of files under 4 GiB. */
    public static final HexLayout DEFAULT = new HexLayout(MIN_OFFSET_DIGITS);

    /** Where a mouse position falls. {@code column} is -1 when it is on the offset column or between areas. */
    public record Hit(long row, int column, boolean ascii) {
    }

    /** The layout whose offset column holds every offset of a file of {@code size} bytes. */
    public static HexLayout forSize(long size) {
        int digits = Long.toHexString(Math.max(0, size - 1)).length();
        return new HexLayout(Math.max(MIN_OFFSET_DIGITS, digits));
    }

    public int hexStart() {
        return offsetDigits + 2;
    }

    public int asciiStart() {
        return hexStart() + BYTES_PER_ROW * 3 + 2;
    }

    public int totalChars() {
        return asciiStart() + BYTES_PER_ROW + 1;
    }

    public static long rowCount(long size) {
        return (size + BYTES_PER_ROW - 1) / BYTES_PER_ROW;
    }

    public static long rowOf(long offset) {
        return offset / BYTES_PER_ROW;
    }

    /** Character cell of the first hex digit of byte {@code col} (the second group of 8 is one cell further). */
    public int hexCell(int col) {
        return hexStart() + col * 3 + (col >= 8 ? 1 : 0);
    }

    public int asciiCell(int col) {
        return asciiStart() + col;
    }

    /** The offset column's text: upper-case hex, zero-padded to the column width. */
    public String offsetText(long offset) {
        String s = Long.toHexString(offset).toUpperCase(java.util.Locale.ROOT);
        return s.length() >= offsetDigits ? s : "0".repeat(offsetDigits - s.length()) + s;
    }

    /** The byte under character-cell coordinates ({@code cellX} may be fractional). */
    public Hit hit(long firstRow, double cellX, double cellY) {
        long row = firstRow + (long) Math.floor(cellY);
        int ascii = asciiStart();
        if (cellX >= ascii && cellX < ascii + BYTES_PER_ROW) {
            return new Hit(row, (int) (cellX - ascii), true);
        }
        for (int c = 0; c < BYTES_PER_ROW; c++) {
            int x = hexCell(c);
            if (cellX >= x - 0.5 && cellX < x + 2.5) {
                return new Hit(row, c, false);
            }
        }
        return new Hit(row, -1, false);
    }

    /** The printable ASCII for a byte, or '.'. */
    public static char ascii(int b) {
        return b >= 0x20 && b < 0x7F ? (char) b : '.';
    }
}
