package org.savevminspector.app.gui.hex;

/**
 * The window of a hex pane onto its rows, in pixels, without any JavaFX: a column header, then rows of
 * {@link HexLayout#BYTES_PER_ROW} bytes from {@link #firstRow()} down, in cells of the font's character width and
 * row height. It scrolls over a {@code long} row index (a 1 TiB file has 2^36 rows), and turns positions into
 * byte offsets and back, so painting, hit testing and scrolling share one geometry.
 */
public final class HexViewport {
    /** Blank margin around the content, in pixels. */
    public static final double PAD = 6;

    private HexLayout layout = HexLayout.DEFAULT;
    private double charWidth = 8;
    private double rowHeight = 16;
    private double height;
    private long rows;
    private long firstRow;

    /** The font's character width and row height, in pixels. */
    public void setMetrics(double charWidth, double rowHeight) {
        this.charWidth = charWidth;
        this.rowHeight = rowHeight;
    }

    /** New content of {@code bytes} cells (data and any cells past its end): layout for that size, scrolled to the top. */
    public void setContent(long bytes) {
        layout = HexLayout.forSize(bytes);
        rows = HexLayout.rowCount(bytes);
        firstRow = 0;
    }

    /** The pixel height available to header and rows. */
    public void setHeight(double height) {
        this.height = height;
    }

    public HexLayout layout() {
        return layout;
    }

    public double charWidth() {
        return charWidth;
    }

    public double rowHeight() {
        return rowHeight;
    }

    public long firstRow() {
        return firstRow;
    }

    public long totalRows() {
        return rows;
    }

    /** Rows of bytes that fit under the column header (at least one). */
    public int visibleRows() {
        return (int) Math.max(1, Math.floor((height - PAD - rowHeight) / rowHeight));
    }

    /** Rows to paint: the visible ones and the partly visible one below them. */
    public int paintedRows() {
        return visibleRows() + 1;
    }

    /** The first row of the last screenful. */
    public long maxFirstRow() {
        return Math.max(0, rows - visibleRows());
    }

    /** Scrolls so that {@code row} is the first one shown (clamped); whether the view moved. */
    public boolean scrollTo(long row) {
        long r = Math.max(0, Math.min(row, maxFirstRow()));
        boolean moved = r != firstRow;
        firstRow = r;
        return moved;
    }

    /** The row to scroll to so that {@code offset} shows (a few rows below the top), or -1 when it already shows. */
    public long rowRevealing(long offset) {
        long row = HexLayout.rowOf(offset);
        int vis = visibleRows();
        return row < firstRow || row >= firstRow + vis ? row - Math.min(3, vis / 4) : -1;
    }

    /** Whether row {@code row} is painted (fully or partly). */
    public boolean paints(long row) {
        return row >= firstRow && row < firstRow + paintedRows();
    }

    /** Height of the column header (and the margin above it). */
    public double headerHeight() {
        return PAD + rowHeight;
    }

    /** Top of byte row {@code row}: below the column header. */
    public double rowTop(long row) {
        return PAD + rowHeight + (row - firstRow) * rowHeight;
    }

    /** The text baseline of byte row {@code row}. */
    public double baseline(long row) {
        return rowTop(row) + rowHeight - 4;
    }

    /** Left edge of character cell {@code cell} (may be fractional). */
    public double x(double cell) {
        return PAD + cell * charWidth;
    }

    /** The width that shows every column and nothing more. */
    public double contentWidth() {
        return layout.totalChars() * charWidth + 2 * PAD;
    }

    /** The byte under pixel {@code (x, y)}, or -1 off the bytes (header, offset column, gaps, at or past {@code limit}). */
    public long offsetAt(double x, double y, long limit) {
        if (y < headerHeight()) {
            return -1;
        }
        HexLayout.Hit hit = layout.hit(firstRow, (x - PAD) / charWidth, (y - headerHeight()) / rowHeight);
        long o = hit.row() * HexLayout.BYTES_PER_ROW + hit.column();
        return hit.column() >= 0 && o >= 0 && o < limit ? o : -1;
    }
}
