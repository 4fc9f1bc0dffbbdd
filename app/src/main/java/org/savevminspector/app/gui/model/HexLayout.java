package org.savevminspector.app.gui.model;

/**
 * Geometry of the hex pane in character cells: {@code OOOOOOOO  hh hh hh hh hh hh hh hh  hh … hh  ................}
 * (offset, 16 bytes in two groups of 8, ASCII). Rows are addressed by a {@code long} index; pixel positions are
 * cell positions times the character width, so the Canvas control and its hit testing share this one model.
 */
public final class HexLayout {
    public static final int BYTES_PER_ROW = 16;
    /** Offset digits: 12 hex digits cover 256 TiB, more than any save image. */
    public static final int OFFSET_CHARS = 12;
    public static final int HEX_START = OFFSET_CHARS + 2;
    public static final int ASCII_START = HEX_START + BYTES_PER_ROW * 3 + 2;
    public static final int TOTAL_CHARS = ASCII_START + BYTES_PER_ROW + 1;

    /** Where a mouse position falls. {@code column} is -1 when it is on the offset column or between areas. */
    public record Hit(long row, int column, boolean ascii) {
    }

    private HexLayout() {
    }

    public static long rowCount(long size) {
        return (size + BYTES_PER_ROW - 1) / BYTES_PER_ROW;
    }

    public static long rowOf(long offset) {
        return offset / BYTES_PER_ROW;
    }

    /** Character cell of the first hex digit of byte {@code col} (the second group of 8 is one cell further). */
    public static int hexCell(int col) {
        return HEX_START + col * 3 + (col >= 8 ? 1 : 0);
    }

    public static int asciiCell(int col) {
        return ASCII_START + col;
    }

    /** The byte under character-cell coordinates ({@code cellX} may be fractional). */
    public static Hit hit(long firstRow, double cellX, double cellY) {
        long row = firstRow + (long) Math.floor(cellY);
        if (cellX >= ASCII_START && cellX < ASCII_START + BYTES_PER_ROW) {
            return new Hit(row, (int) (cellX - ASCII_START), true);
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
