package org.savevminspector.app.gui;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.savevminspector.app.gui.model.HexHighlights;
import org.savevminspector.app.gui.model.HexLayout;
import org.savevminspector.app.gui.model.Highlight;
import org.savevminspector.app.gui.model.HighlightKind;
import org.savevminspector.io.ByteSource;

/**
 * The hex pane: offset | 16 bytes hex | ASCII over a {@code long} row index. Only a viewport-sized Canvas exists;
 * the bytes of the visible rows are read from the {@link ByteSource} at every paint (its block cache makes that
 * cheap), so memory does not grow with the file and jumping to any offset costs one read. Colours come from the
 * theme stylesheet through invisible palette regions (style classes {@code hex-*}). A header row names the
 * columns (00 … 0F), the font size can be zoomed, and a {@link MarkerStrip} beside the scroll bar marks where
 * the problems are.
 */
public final class HexView extends Region {
    private static final double PAD = 6;
    static final double DEFAULT_FONT_SIZE = 13;
    static final double MIN_FONT_SIZE = 8;
    static final double MAX_FONT_SIZE = 32;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final Map<HighlightKind, Region> swatches = new EnumMap<>(HighlightKind.class);
    private final Region bgSwatch = swatch("hex-background");
    private final Region textSwatch = swatch("hex-text");
    private final Region offsetSwatch = swatch("hex-offset");
    private final Region ghostTextSwatch = swatch("hex-ghost-text");
    private final Region cursorSwatch = swatch("hex-cursor");
    private final Tooltip tooltip = new Tooltip();
    final MarkerStrip markers = new MarkerStrip();

    private Font font;
    private double charW;
    private double rowH;
    private HexLayout layout = HexLayout.DEFAULT;
    /** Where the mouse rests over the canvas (NaN: outside), so the tooltip can follow the bytes under it. */
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private double mouseScreenX;
    private double mouseScreenY;
    private ContextMenu contextMenu;

    private ByteSource source;
    private long size;
    private long ghost;
    private HexHighlights highlights;
    private long firstRow;
    private final ReadOnlyLongWrapper cursor = new ReadOnlyLongWrapper(this, "cursor", 0);
    private final ReadOnlyLongWrapper selectionStart = new ReadOnlyLongWrapper(this, "selectionStart", 0);
    private final ReadOnlyLongWrapper selectionLength = new ReadOnlyLongWrapper(this, "selectionLength", 0);
    private long anchor;
    private boolean paletteDirty;
    /** Whether the selection is a range the user dragged or shift-extended (tinted), not a node's span. */
    private boolean userRange;
    private LongConsumer onUserCursor = o -> { };
    private LongFunction<String> tooltipText = o -> null;
    private long lastPaintNanos;
    private byte[] rowBuf = new byte[0];

    public HexView() {
        getStyleClass().add("hex-view");
        setFocusTraversable(true);
        applyFont(DEFAULT_FONT_SIZE);
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.valueProperty().addListener((o, a, b) -> {
            long row = Math.round(b.doubleValue());
            if (row != firstRow) {
                firstRow = row;
                draw();
                refreshTooltip();
            }
        });
        getChildren().addAll(canvas, scroll, markers);
        for (HighlightKind k : HighlightKind.values()) {
            swatches.put(k, swatch(k.styleClass()));
        }
        canvas.setOnMousePressed(this::mousePressed);
        canvas.setOnMouseDragged(this::mouseDragged);
        canvas.setOnMouseMoved(this::mouseMoved);
        canvas.setOnMouseExited(e -> {
            mouseX = Double.NaN;
            tooltip.hide();
        });
        // the canvas sits at (0, 0): the view's coordinates are the canvas's
        addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::contextMenuRequested);
        tooltip.setShowDelay(Duration.millis(300));
        addEventHandler(ScrollEvent.SCROLL, e -> {
            // a wheel notch (deltaY 40) moves 3 rows, like text views
            scrollToRow(firstRow - Math.round(e.getDeltaY() / 40 * 3));
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        updateWidths();
    }

    private void applyFont(double size) {
        font = Font.font("Monospaced", size);
        Text probe = new Text("0000000000");
        probe.setFont(font);
        charW = probe.getLayoutBounds().getWidth() / 10;
        rowH = Math.ceil(probe.getLayoutBounds().getHeight() + 3);
    }

    /** The width that shows every column and nothing more: the split pane gives the rest to the tree. */
    double contentWidth() {
        return layout.totalChars() * charW + 2 * PAD + 16 + MarkerStrip.WIDTH;
    }

    private void updateWidths() {
        setMinWidth(contentWidth());
        setPrefWidth(contentWidth());
        setMaxWidth(contentWidth() + 400);
    }

    // ------------------------------------------------------------------ zoom

    public double fontSize() {
        return font.getSize();
    }

    /** Sets the font size (clamped to 8 … 32 pt), keeping the cursor's row in view. */
    public void setFontSize(double size) {
        double s = Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, size));
        if (s == font.getSize()) {
            return;
        }
        applyFont(s);
        updateWidths();
        updateScrollBar();
        requestLayout();
        reveal(cursor.get());
        draw();
    }

    public void zoomIn() {
        setFontSize(fontSize() + 1);
    }

    public void zoomOut() {
        setFontSize(fontSize() - 1);
    }

    public void zoomReset() {
        setFontSize(DEFAULT_FONT_SIZE);
    }

    /** The menu a right click opens (after moving the cursor to the clicked byte when it is outside the selection). */
    public void setContextMenu(ContextMenu menu) {
        this.contextMenu = menu;
    }

    private void contextMenuRequested(ContextMenuEvent e) {
        if (contextMenu == null || source == null) {
            return;
        }
        HexLayout.Hit hit = layout.hit(firstRow, (e.getX() - PAD) / charW, (e.getY() - PAD - rowH) / rowH);
        long o = hit.column() < 0 || e.getY() < PAD + rowH ? -1 : hit.row() * HexLayout.BYTES_PER_ROW + hit.column();
        long s = selectionStart.get();
        if (o >= 0 && o < size && (o < s || o >= s + Math.max(1, selectionLength.get()))) {
            anchor = o;
            moveCursor(o, false);
        }
        tooltip.hide();
        contextMenu.show(this, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private Region swatch(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        r.setMouseTransparent(true);
        r.setOpacity(0);
        r.resize(1, 1);
        // a theme switch restyles the swatches one by one: repaint once, at the layout pass after all of them
        r.backgroundProperty().addListener((o, a, b) -> {
            paletteDirty = true;
            requestLayout();
        });
        getChildren().add(r);
        return r;
    }

    // ------------------------------------------------------------------ API

    /** Shows {@code src} (owned by the caller; this view only reads it on the FX thread). */
    public void setSource(ByteSource src, long ghostBytes, HexHighlights hl) {
        this.source = src;
        this.size = src == null ? 0 : src.size();
        this.ghost = Math.max(0, ghostBytes);
        this.highlights = hl;
        this.layout = HexLayout.forSize(size + ghost);
        updateWidths();
        this.firstRow = 0;
        this.anchor = 0;
        cursor.set(0);
        selectionStart.set(0);
        selectionLength.set(0);
        updateScrollBar();
        scroll.setValue(0);
        draw();
    }

    public void setHighlights(HexHighlights hl) {
        this.highlights = hl;
        draw();
    }

    public HexHighlights highlights() {
        return highlights;
    }

    /** Called with the new cursor offset when the user moves it (click, keys), not when code does. */
    public void setOnUserCursor(LongConsumer c) {
        this.onUserCursor = c;
    }

    public void setTooltipText(LongFunction<String> f) {
        this.tooltipText = f;
    }

    public ReadOnlyLongProperty caretProperty() {
        return cursor.getReadOnlyProperty();
    }

    public long cursor() {
        return cursor.get();
    }

    public ReadOnlyLongProperty selectionStartProperty() {
        return selectionStart.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty selectionLengthProperty() {
        return selectionLength.getReadOnlyProperty();
    }

    public long firstVisibleRow() {
        return firstRow;
    }

    /** Rows of bytes that fit under the column header. */
    public int visibleRows() {
        return (int) Math.max(1, Math.floor((canvas.getHeight() - PAD - rowH) / rowH));
    }

    public HexLayout hexLayout() {
        return layout;
    }

    /** Duration of the last paint, for the performance log. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** Selects {@code [start, start+length)}, puts the cursor on its first byte and scrolls it into view. */
    public void select(long start, long length) {
        long s = clamp(start);
        anchor = s;
        userRange = false;
        cursor.set(s);
        selectionStart.set(s);
        selectionLength.set(Math.max(0, Math.min(length, size - s)));
        reveal(s);
        draw();
    }

    /** Scrolls so that {@code offset}'s row is visible (a few rows below the top when it was not). */
    public void reveal(long offset) {
        long row = HexLayout.rowOf(offset);
        int vis = visibleRows();
        if (row < firstRow || row >= firstRow + vis) {
            scrollToRow(row - Math.min(3, vis / 4));
        }
    }

    public void scrollToRow(long row) {
        long max = maxFirstRow();
        long r = Math.max(0, Math.min(row, max));
        boolean moved = r != firstRow;
        firstRow = r;
        scroll.setValue(r);
        draw();
        if (moved) {
            refreshTooltip();
        }
    }

    /** The rectangle of byte {@code offset}'s hex cell in this view's coordinates, or {@code null} when off screen. */
    public Bounds hexCellBounds(long offset) {
        long row = HexLayout.rowOf(offset);
        if (row < firstRow || row >= firstRow + visibleRows() + 1) {
            return null;
        }
        int col = (int) (offset % HexLayout.BYTES_PER_ROW);
        double x = PAD + layout.hexCell(col) * charW;
        return new BoundingBox(x, y(row), 2 * charW, rowH);
    }

    // ------------------------------------------------------------------ layout and paint

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double sw = scroll.prefWidth(-1);
        double mw = MarkerStrip.WIDTH;
        markers.resizeRelocate(w - mw, 0, mw, h);
        scroll.resizeRelocate(w - mw - sw, 0, sw, h);
        sw += mw;
        if (paletteDirty) {
            paletteDirty = false;
            draw();
        }
        if (canvas.getWidth() != w - sw || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w - sw));
            canvas.setHeight(Math.max(0, h));
            updateScrollBar();
            draw();
        }
    }

    private long totalRows() {
        return HexLayout.rowCount(size + ghost);
    }

    private long maxFirstRow() {
        return Math.max(0, totalRows() - visibleRows());
    }

    private void updateScrollBar() {
        long max = maxFirstRow();
        scroll.setMin(0);
        scroll.setMax(Math.max(0, max));
        scroll.setVisibleAmount(max == 0 ? 1 : Math.max(1, visibleRows() * (double) max / Math.max(1, totalRows())));
        scroll.setUnitIncrement(1);
        scroll.setBlockIncrement(visibleRows());
        scroll.setDisable(max == 0);
    }

    private Color fill(Region r, Color fallback) {
        Background b = r.getBackground();
        if (b != null && !b.getFills().isEmpty()) {
            Paint p = b.getFills().get(0).getFill();
            if (p instanceof Color c) {
                return c;
            }
        }
        return fallback;
    }

    void draw() {
        long t0 = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(fill(bgSwatch, Color.WHITE));
        g.fillRect(0, 0, w, h);
        if (source == null) {
            lastPaintNanos = System.nanoTime() - t0;
            return;
        }
        int rows = visibleRows() + 1;
        long from = firstRow * HexLayout.BYTES_PER_ROW;
        long to = Math.min(size + ghost, from + (long) rows * HexLayout.BYTES_PER_ROW);
        int want = (int) Math.max(0, Math.min(size, to) - from);
        if (rowBuf.length < rows * HexLayout.BYTES_PER_ROW) {
            rowBuf = new byte[rows * HexLayout.BYTES_PER_ROW];
        }
        // one read: a ByteSource copies fewer bytes than asked only at the end of the data
        int got = want <= 0 ? 0 : source.read(from, rowBuf, 0, want);

        List<Highlight> layers = highlights == null ? List.of() : highlights.layers(from, to);
        for (Highlight hl : layers) {
            paintLayer(g, hl, from, to);
        }
        paintGhost(g, from, to);
        paintSelection(g, from, to);
        paintHeader(g);
        paintText(g, from, got, rows);
        paintCursor(g);
        // markers go over the text: they sit between two bytes
        for (Highlight hl : layers) {
            if (hl.kind() == HighlightKind.MISSING_FIELD) {
                paintMarker(g, hl.start());
            }
        }
        lastPaintNanos = System.nanoTime() - t0;
    }

    /** Top of byte row {@code row}: below the column header. */
    private double y(long row) {
        return PAD + rowH + (row - firstRow) * rowH;
    }

    /** The column header: 00 … 0F over the hex cells, 0 … F over the ASCII cells. */
    private void paintHeader(GraphicsContext g) {
        g.setFill(fill(bgSwatch, Color.WHITE));
        g.fillRect(0, 0, canvas.getWidth(), PAD + rowH);
        g.setFont(font);
        g.setFill(fill(offsetSwatch, Color.GRAY));
        double baseline = PAD + rowH - 4;
        g.fillText("Offset", PAD, baseline);
        for (int c = 0; c < HexLayout.BYTES_PER_ROW; c++) {
            g.fillText(String.format(Locale.ROOT, "%02X", c), PAD + layout.hexCell(c) * charW, baseline);
            g.fillText(Integer.toHexString(c).toUpperCase(Locale.ROOT), PAD + layout.asciiCell(c) * charW, baseline);
        }
        g.setStroke(fill(offsetSwatch, Color.GRAY));
        g.setLineWidth(0.5);
        g.strokeLine(0, PAD + rowH - 0.5, canvas.getWidth(), PAD + rowH - 0.5);
    }

    private void paintLayer(GraphicsContext g, Highlight hl, long from, long to) {
        if (hl.kind() == HighlightKind.MISSING_FIELD || hl.kind() == HighlightKind.GHOST) {
            return;
        }
        g.setFill(fill(swatches.get(hl.kind()), Color.TRANSPARENT));
        paintRange(g, Math.max(hl.start(), from), Math.min(hl.end(), to));
    }

    /** Fills the hex and ASCII cells of {@code [s, e)}, one rectangle per row and area. */
    private void paintRange(GraphicsContext g, long s, long e) {
        for (long p = s; p < e; ) {
            long row = HexLayout.rowOf(p);
            long rowEnd = Math.min(e, (row + 1) * HexLayout.BYTES_PER_ROW);
            int c0 = (int) (p % HexLayout.BYTES_PER_ROW);
            int c1 = (int) ((rowEnd - 1) % HexLayout.BYTES_PER_ROW);
            double x0 = PAD + (layout.hexCell(c0) - 0.5) * charW;
            double x1 = PAD + (layout.hexCell(c1) + 2.5) * charW;
            g.fillRect(x0, y(row), x1 - x0, rowH);
            double a0 = PAD + layout.asciiCell(c0) * charW;
            g.fillRect(a0, y(row), (c1 - c0 + 1) * charW, rowH);
            p = rowEnd;
        }
    }

    private void paintGhost(GraphicsContext g, long from, long to) {
        if (ghost == 0) {
            return;
        }
        long s = Math.max(from, size);
        long e = Math.min(to, size + ghost);
        if (s >= e) {
            return;
        }
        g.setFill(fill(swatches.get(HighlightKind.GHOST), Color.LIGHTGRAY));
        paintRange(g, s, e);
        g.setFont(font);
        g.setFill(fill(ghostTextSwatch, Color.GRAY));
        for (long p = s; p < e; p++) {
            int col = (int) (p % HexLayout.BYTES_PER_ROW);
            double baseline = y(HexLayout.rowOf(p)) + rowH - 4;
            g.fillText("00", PAD + layout.hexCell(col) * charW, baseline);
            g.fillText("·", PAD + layout.asciiCell(col) * charW, baseline);
        }
    }

    private void paintSelection(GraphicsContext g, long from, long to) {
        long len = selectionLength.get();
        if (len <= 1 || !userRange) {
            return;
        }
        long s = Math.max(from, selectionStart.get());
        long e = Math.min(to, selectionStart.get() + len);
        if (s < e) {
            Color c = fill(cursorSwatch, Color.BLUE);
            g.setFill(c.deriveColor(0, 1, 1, 0.18));
            paintRange(g, s, e);
        }
    }

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private void paintText(GraphicsContext g, long from, int got, int rows) {
        g.setFont(font);
        Color text = fill(textSwatch, Color.BLACK);
        Color off = fill(offsetSwatch, Color.GRAY);
        char[] hex = new char[layout.asciiStart() - layout.hexStart()];
        char[] asc = new char[HexLayout.BYTES_PER_ROW];
        for (int r = 0; r < rows; r++) {
            long rowStart = from + (long) r * HexLayout.BYTES_PER_ROW;
            if (rowStart >= size) {
                break;
            }
            double baseline = y(firstRow + r) + rowH - 4;
            g.setFill(off);
            g.fillText(layout.offsetText(rowStart), PAD, baseline);
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
            g.fillText(new String(hex), PAD + layout.hexStart() * charW, baseline);
            g.fillText(new String(asc), PAD + layout.asciiStart() * charW, baseline);
        }
    }

    private void paintCursor(GraphicsContext g) {
        long c = cursor.get();
        long row = HexLayout.rowOf(c);
        if (size == 0 || row < firstRow || row > firstRow + visibleRows()) {
            return;
        }
        int col = (int) (c % HexLayout.BYTES_PER_ROW);
        g.setStroke(fill(cursorSwatch, Color.BLUE));
        g.setLineWidth(isFocused() ? 2 : 1);
        g.strokeRect(PAD + (layout.hexCell(col) - 0.5) * charW, y(row) + 0.5, 3 * charW, rowH - 1);
        g.strokeRect(PAD + layout.asciiCell(col) * charW, y(row) + 0.5, charW, rowH - 1);
    }

    /** A bar before the byte at {@code offset} with a small flag: where a missing field belongs. */
    private void paintMarker(GraphicsContext g, long offset) {
        long row = HexLayout.rowOf(offset);
        int col = (int) (offset % HexLayout.BYTES_PER_ROW);
        double x = PAD + (layout.hexCell(col) - 0.5) * charW;
        double y = y(row);
        g.setFill(fill(swatches.get(HighlightKind.MISSING_FIELD), Color.RED));
        g.fillRect(x - 1.5, y - 2, 3, rowH + 4);
        g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {y - 4, y - 4, y + 2}, 3);
        double ax = PAD + layout.asciiCell(col) * charW;
        g.fillRect(ax - 1, y - 2, 2, rowH + 4);
    }

    // ------------------------------------------------------------------ input

    private long hitOffset(MouseEvent e) {
        if (e.getY() < PAD + rowH) {
            return -1; // the column header
        }
        HexLayout.Hit hit = layout.hit(firstRow, (e.getX() - PAD) / charW, (e.getY() - PAD - rowH) / rowH);
        if (hit.column() < 0) {
            return -1;
        }
        long o = hit.row() * HexLayout.BYTES_PER_ROW + hit.column();
        return o >= 0 && o < size + ghost ? o : -1;
    }

    private void mousePressed(MouseEvent e) {
        requestFocus();
        long o = hitOffset(e);
        if (o < 0 || o >= size) {
            return;
        }
        if (e.isShiftDown()) {
            extendTo(o);
        } else {
            anchor = o;
            moveCursor(o, false);
        }
    }

    private void mouseDragged(MouseEvent e) {
        long o = hitOffset(e);
        if (o >= 0 && o < size) {
            extendTo(o);
        }
    }

    private void extendTo(long o) {
        userRange = true;
        long s = Math.min(anchor, o);
        selectionStart.set(s);
        selectionLength.set(Math.abs(o - anchor) + 1);
        cursor.set(o);
        draw();
        onUserCursor.accept(o);
    }

    private void mouseMoved(MouseEvent e) {
        mouseX = e.getX();
        mouseY = e.getY();
        mouseScreenX = e.getScreenX();
        mouseScreenY = e.getScreenY();
        showTooltipAt(hitOffset(e));
    }

    /** After a scroll under a still mouse: the bytes under it changed, so must the tooltip. */
    private void refreshTooltip() {
        if (Double.isNaN(mouseX) || !tooltip.isShowing()) {
            return;
        }
        showTooltipAt(offsetAt(mouseX, mouseY));
    }

    private long offsetAt(double x, double y) {
        if (y < PAD + rowH) {
            return -1;
        }
        HexLayout.Hit hit = layout.hit(firstRow, (x - PAD) / charW, (y - PAD - rowH) / rowH);
        long o = hit.row() * HexLayout.BYTES_PER_ROW + hit.column();
        return hit.column() >= 0 && o >= 0 && o < size + ghost ? o : -1;
    }

    /** The tooltip text for the byte under the mouse ({@code null} when none), for tests. */
    String tooltipShown() {
        return tooltip.isShowing() ? tooltip.getText() : null;
    }

    private void showTooltipAt(long o) {
        String t = o < 0 ? null : tooltipText.apply(o);
        if (t == null || t.isEmpty()) {
            tooltip.hide();
            return;
        }
        if (!t.equals(tooltip.getText()) || !tooltip.isShowing()) {
            tooltip.setText(t);
            if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
                tooltip.show(this, mouseScreenX + 14, mouseScreenY + 14);
            }
        }
    }

    private void moveCursor(long o, boolean extend) {
        long c = clamp(o);
        if (extend) {
            extendTo(c);
            reveal(c);
            return;
        }
        anchor = c;
        userRange = false;
        cursor.set(c);
        selectionStart.set(c);
        selectionLength.set(1);
        reveal(c);
        draw();
        onUserCursor.accept(c);
    }

    private long clamp(long o) {
        return Math.max(0, Math.min(o, Math.max(0, size - 1)));
    }

    private void keyPressed(KeyEvent e) {
        long c = cursor.get();
        long page = (long) visibleRows() * HexLayout.BYTES_PER_ROW;
        boolean ext = e.isShiftDown();
        KeyCode k = e.getCode();
        long target;
        switch (k) {
            case LEFT -> target = c - 1;
            case RIGHT -> target = c + 1;
            case UP -> target = c - HexLayout.BYTES_PER_ROW;
            case DOWN -> target = c + HexLayout.BYTES_PER_ROW;
            case PAGE_UP -> target = c - page;
            case PAGE_DOWN -> target = c + page;
            case HOME -> target = e.isShortcutDown() ? 0 : c - c % HexLayout.BYTES_PER_ROW;
            case END -> target = e.isShortcutDown() ? size - 1 : c - c % HexLayout.BYTES_PER_ROW + HexLayout.BYTES_PER_ROW - 1;
            default -> {
                return;
            }
        }
        if (e.isAltDown() || (e.isShortcutDown() && k != KeyCode.HOME && k != KeyCode.END)) {
            return; // left for the menu accelerators (Alt+Up/Down steps sections)
        }
        moveCursor(target, ext);
        e.consume();
    }
}
