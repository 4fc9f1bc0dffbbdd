package org.savevminspector.app.gui.hex;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Paints one frame of a hex pane: background, the styled ranges, cells past the end of the data, a dragged
 * selection, the column header, offsets, hex and text of the rows on screen, the caret, and position marks on top.
 * It reads the visible rows once per frame into a buffer it keeps, so a frame costs the same for any file size.
 */
final class HexPainter {
    static final String BACKGROUND = "hex-background";
    static final String TEXT = "hex-text";
    static final String OFFSET = "hex-offset";
    static final String CURSOR = "hex-cursor";
    /** Cells past the end of the data: their fill, and the "00" written in them. */
    static final String GHOST = "hex-ghost";
    static final String GHOST_TEXT = "hex-ghost-text";

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final HexViewport view;
    private final HexPalette palette;
    private byte[] rowBuf = new byte[0];

    HexPainter(HexViewport view, HexPalette palette) {
        this.view = view;
        this.palette = palette;
        for (String s : List.of(BACKGROUND, TEXT, OFFSET, CURSOR, GHOST, GHOST_TEXT)) {
            palette.add(s);
        }
    }

    /** What one frame shows. {@code data} null: an empty pane. */
    record Frame(HexBytes data, long ghost, ByteStyles styles, HexCaret caret, boolean focused, Font font) {
    }

    void paint(GraphicsContext g, double w, double h, Frame f) {
        g.setFill(palette.colour(BACKGROUND, Color.WHITE));
        g.fillRect(0, 0, w, h);
        if (f.data() == null) {
            return;
        }
        long size = f.data().size();
        int rows = view.paintedRows();
        long from = view.firstRow() * HexLayout.BYTES_PER_ROW;
        long to = Math.min(size + f.ghost(), from + (long) rows * HexLayout.BYTES_PER_ROW);
        int want = (int) Math.max(0, Math.min(size, to) - from);
        if (rowBuf.length < rows * HexLayout.BYTES_PER_ROW) {
            rowBuf = new byte[rows * HexLayout.BYTES_PER_ROW];
        }
        // one read: the data copies fewer bytes than asked only at its end
        int got = want <= 0 ? 0 : f.data().read(from, rowBuf, 0, want);

        List<StyledRange> ranges = f.styles().overlapping(from, to);
        for (StyledRange r : ranges) {
            if (r.look() == StyledRange.Look.FILL) {
                g.setFill(palette.colour(r.styleClass(), Color.TRANSPARENT));
                fillRange(g, Math.max(r.start(), from), Math.min(r.end(), to));
            }
        }
        paintGhost(g, f.font(), from, to, size, f.ghost());
        paintUserRange(g, f.caret(), from, to);
        paintHeader(g, f.font(), w);
        paintText(g, f.font(), from, got, rows, size);
        paintCaret(g, f.caret(), f.focused());
        // frames, marks and underlines go over the text: a frame shows inside any fill, a mark sits between two
        // bytes, an underline below them
        for (StyledRange r : ranges) {
            if (r.look() == StyledRange.Look.FRAME) {
                g.setStroke(palette.colour(r.styleClass(), Color.MAGENTA));
                frameRange(g, Math.max(r.start(), from), Math.min(r.end(), to));
            } else if (r.look() == StyledRange.Look.UNDERLINE) {
                g.setFill(palette.colour(r.styleClass(), Color.MAGENTA));
                underline(g, Math.max(r.start(), from), Math.min(r.end(), to));
            } else if (r.look() == StyledRange.Look.MARK) {
                paintMark(g, r.start(), palette.colour(r.styleClass(), Color.RED));
            }
        }
    }

    /** Fills the hex and text cells of {@code [s, e)}, one rectangle per row and area. */
    private void fillRange(GraphicsContext g, long s, long e) {
        HexLayout layout = view.layout();
        double rowH = view.rowHeight();
        rowRuns(s, e, (row, c0, c1) -> {
            double x0 = view.x(layout.hexCell(c0) - 0.5);
            double x1 = view.x(layout.hexCell(c1) + 2.5);
            g.fillRect(x0, view.rowTop(row), x1 - x0, rowH);
            g.fillRect(view.x(layout.asciiCell(c0)), view.rowTop(row), (c1 - c0 + 1) * view.charWidth(), rowH);
        });
    }

    /** Outlines the hex and text cells of {@code [s, e)}, one rectangle per row and area, inside the cells. */
    private void frameRange(GraphicsContext g, long s, long e) {
        HexLayout layout = view.layout();
        double rowH = view.rowHeight();
        g.setLineWidth(1.5);
        rowRuns(s, e, (row, c0, c1) -> {
            double top = view.rowTop(row) + 1;
            double x0 = view.x(layout.hexCell(c0) - 0.5);
            double x1 = view.x(layout.hexCell(c1) + 2.5);
            g.strokeRect(x0 + 0.75, top, x1 - x0 - 1.5, rowH - 2);
            g.strokeRect(view.x(layout.asciiCell(c0)) + 0.75, top, (c1 - c0 + 1) * view.charWidth() - 1.5, rowH - 2);
        });
    }

    /** The part of one row that a range covers: columns {@code c0} to {@code c1}, inclusive. */
    private interface RowRun {
        void cover(long row, int c0, int c1);
    }

    /** Splits {@code [s, e)} into the runs of bytes it covers on each row. */
    private static void rowRuns(long s, long e, RowRun run) {
        for (long p = s; p < e; ) {
            long row = HexLayout.rowOf(p);
            long rowEnd = Math.min(e, (row + 1) * HexLayout.BYTES_PER_ROW);
            run.cover(row, (int) (p % HexLayout.BYTES_PER_ROW), (int) ((rowEnd - 1) % HexLayout.BYTES_PER_ROW));
            p = rowEnd;
        }
    }

    /** A bar under the hex and text cells of {@code [s, e)}, along the bottom of each row. */
    private void underline(GraphicsContext g, long s, long e) {
        HexLayout layout = view.layout();
        double rowH = view.rowHeight();
        rowRuns(s, e, (row, c0, c1) -> {
            double y = view.rowTop(row) + rowH - 2.5;
            double x0 = view.x(layout.hexCell(c0));
            g.fillRect(x0, y, view.x(layout.hexCell(c1) + 2) - x0, 2);
            g.fillRect(view.x(layout.asciiCell(c0)), y, (c1 - c0 + 1) * view.charWidth(), 2);
        });
    }

    private void paintGhost(GraphicsContext g, Font font, long from, long to, long size, long ghost) {
        if (ghost == 0) {
            return;
        }
        long s = Math.max(from, size);
        long e = Math.min(to, size + ghost);
        if (s >= e) {
            return;
        }
        g.setFill(palette.colour(GHOST, Color.LIGHTGRAY));
        fillRange(g, s, e);
        g.setFont(font);
        g.setFill(palette.colour(GHOST_TEXT, Color.GRAY));
        HexLayout layout = view.layout();
        for (long p = s; p < e; p++) {
            int col = (int) (p % HexLayout.BYTES_PER_ROW);
            double baseline = view.baseline(HexLayout.rowOf(p));
            g.fillText("00", view.x(layout.hexCell(col)), baseline);
            g.fillText("·", view.x(layout.asciiCell(col)), baseline);
        }
    }

    /** A range the user dragged or extended: tinted with the caret's colour (a range set by code comes as a style). */
    private void paintUserRange(GraphicsContext g, HexCaret caret, long from, long to) {
        if (caret.length() <= 1 || !caret.isUserRange()) {
            return;
        }
        long s = Math.max(from, caret.start());
        long e = Math.min(to, caret.start() + caret.length());
        if (s < e) {
            g.setFill(palette.colour(CURSOR, Color.BLUE).deriveColor(0, 1, 1, 0.18));
            fillRange(g, s, e);
        }
    }

    /** The column header: 00 … 0F over the hex cells, 0 … F over the text cells. */
    private void paintHeader(GraphicsContext g, Font font, double w) {
        HexLayout layout = view.layout();
        g.setFill(palette.colour(BACKGROUND, Color.WHITE));
        g.fillRect(0, 0, w, view.headerHeight());
        g.setFont(font);
        g.setFill(palette.colour(OFFSET, Color.GRAY));
        double baseline = view.headerHeight() - 4;
        g.fillText("Offset", HexViewport.PAD, baseline);
        for (int c = 0; c < HexLayout.BYTES_PER_ROW; c++) {
            g.fillText(String.format(Locale.ROOT, "%02X", c), view.x(layout.hexCell(c)), baseline);
            g.fillText(Integer.toHexString(c).toUpperCase(Locale.ROOT), view.x(layout.asciiCell(c)), baseline);
        }
        g.setStroke(palette.colour(OFFSET, Color.GRAY));
        g.setLineWidth(0.5);
        g.strokeLine(0, view.headerHeight() - 0.5, w, view.headerHeight() - 0.5);
    }

    private void paintText(GraphicsContext g, Font font, long from, int got, int rows, long size) {
        HexLayout layout = view.layout();
        g.setFont(font);
        Color text = palette.colour(TEXT, Color.BLACK);
        Color off = palette.colour(OFFSET, Color.GRAY);
        char[] hex = new char[layout.asciiStart() - layout.hexStart()];
        char[] asc = new char[HexLayout.BYTES_PER_ROW];
        for (int r = 0; r < rows; r++) {
            long rowStart = from + (long) r * HexLayout.BYTES_PER_ROW;
            if (rowStart >= size) {
                break;
            }
            double baseline = view.baseline(view.firstRow() + r);
            g.setFill(off);
            g.fillText(layout.offsetText(rowStart), HexViewport.PAD, baseline);
            Arrays.fill(hex, ' ');
            Arrays.fill(asc, ' ');
            for (int c = 0; c < HexLayout.BYTES_PER_ROW; c++) {
                int i = r * HexLayout.BYTES_PER_ROW + c;
                if (i >= got) {
                    break;
                }
                int b = rowBuf[i] & 0xFF;
                int x = layout.hexCell(c) - layout.hexStart();
                hex[x] = HEX.toHighHexDigit(b);
                hex[x + 1] = HEX.toLowHexDigit(b);
                asc[c] = HexLayout.ascii(b);
            }
            g.setFill(text);
            g.fillText(new String(hex), view.x(layout.hexStart()), baseline);
            g.fillText(new String(asc), view.x(layout.asciiStart()), baseline);
        }
    }

    private void paintCaret(GraphicsContext g, HexCaret caret, boolean focused) {
        long c = caret.caret();
        long row = HexLayout.rowOf(c);
        if (caret.size() == 0 || !view.paints(row)) {
            return;
        }
        HexLayout layout = view.layout();
        int col = (int) (c % HexLayout.BYTES_PER_ROW);
        double cw = view.charWidth();
        double rowH = view.rowHeight();
        g.setStroke(palette.colour(CURSOR, Color.BLUE));
        g.setLineWidth(focused ? 2 : 1);
        g.strokeRect(view.x(layout.hexCell(col) - 0.5), view.rowTop(row) + 0.5, 3 * cw, rowH - 1);
        g.strokeRect(view.x(layout.asciiCell(col)), view.rowTop(row) + 0.5, cw, rowH - 1);
    }

    /** A bar before the byte at {@code offset} with a small flag. */
    private void paintMark(GraphicsContext g, long offset, Color colour) {
        HexLayout layout = view.layout();
        long row = HexLayout.rowOf(offset);
        int col = (int) (offset % HexLayout.BYTES_PER_ROW);
        double x = view.x(layout.hexCell(col) - 0.5);
        double y = view.rowTop(row);
        double rowH = view.rowHeight();
        g.setFill(colour);
        g.fillRect(x - 1.5, y - 2, 3, rowH + 4);
        g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {y - 4, y - 4, y + 2}, 3);
        double ax = view.x(layout.asciiCell(col));
        g.fillRect(ax - 1, y - 2, 2, rowH + 4);
    }
}
