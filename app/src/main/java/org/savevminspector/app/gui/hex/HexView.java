package org.savevminspector.app.gui.hex;

import java.util.Collection;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A hex pane: offset | 16 bytes in hex | text, over a {@code long} row index. Only a viewport-sized Canvas exists;
 * the visible rows are read from the {@link HexBytes} at every paint, so memory does not grow with the data and
 * jumping anywhere costs one read. It knows byte ranges and CSS style classes, nothing of what the bytes mean: the
 * caller gives it the data, the {@link ByteStyles} to colour, a tooltip text per byte and a context menu, and hears
 * of the caret the user moves. Caret and selection are a {@link HexCaret}, rows and pixels a {@link HexViewport},
 * the drawing a {@link HexPainter}. A node given as {@link #setGutter gutter} sits beside the scroll bar.
 */
public final class HexView extends Region {
    public static final double DEFAULT_FONT_SIZE = 13;
    static final double MIN_FONT_SIZE = 8;
    static final double MAX_FONT_SIZE = 32;
    /** Room the content width leaves for the scroll bar. */
    private static final double SCROLL_BAR_ROOM = 16;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final HexCaret caret = new HexCaret();
    private final HexViewport view = new HexViewport();
    private final HexPalette palette = new HexPalette(getChildren(), this::paletteChanged);
    private final HexPainter painter = new HexPainter(view, palette);
    private final HexTooltip tooltip = new HexTooltip(this, this::offsetAt);
    private final ReadOnlyLongWrapper caretOffset = new ReadOnlyLongWrapper(this, "caret", 0);
    private final ReadOnlyLongWrapper selectionStart = new ReadOnlyLongWrapper(this, "selectionStart", 0);
    private final ReadOnlyLongWrapper selectionLength = new ReadOnlyLongWrapper(this, "selectionLength", 0);
    private final ReadOnlyLongWrapper firstRow = new ReadOnlyLongWrapper(this, "firstRow", 0);

    private Font font;
    private Node gutter;
    private HexBytes data;
    private long ghost;
    private ByteStyles styles = ByteStyles.NONE;
    private ContextMenu contextMenu;
    private LongConsumer onUserCaret = o -> { };
    private boolean paletteDirty;
    private long lastPaintNanos;

    /** {@code styleClasses}: those the {@link ByteStyles} will name, so that their colours are there at the first paint. */
    public HexView(Collection<String> styleClasses) {
        getStyleClass().add("hex-view");
        setFocusTraversable(true);
        styleClasses.forEach(palette::add);
        applyFont(DEFAULT_FONT_SIZE);
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.valueProperty().addListener((o, a, b) -> {
            if (view.scrollTo(Math.round(b.doubleValue()))) {
                draw();
                tooltip.refresh();
            }
        });
        getChildren().addAll(canvas, scroll);
        canvas.setOnMousePressed(this::mousePressed);
        canvas.setOnMouseDragged(this::mouseDragged);
        canvas.setOnMouseMoved(tooltip::mouseMoved);
        canvas.setOnMouseExited(e -> tooltip.mouseExited());
        // the canvas sits at (0, 0): the view's coordinates are the canvas's
        addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::contextMenuRequested);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            // a wheel notch (deltaY 40) moves 3 rows, like text views
            scrollToRow(view.firstRow() - Math.round(e.getDeltaY() / 40 * 3));
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        updateWidths();
    }

    private void applyFont(double size) {
        font = Font.font("Monospaced", size);
        Text probe = new Text("0000000000");
        probe.setFont(font);
        view.setMetrics(probe.getLayoutBounds().getWidth() / 10, Math.ceil(probe.getLayoutBounds().getHeight() + 3));
    }

    private double gutterWidth() {
        return gutter == null ? 0 : gutter.prefWidth(-1);
    }

    /** The width that shows every column and nothing more: a split pane can give the rest to its neighbour. */
    public double contentWidth() {
        return view.contentWidth() + SCROLL_BAR_ROOM + gutterWidth();
    }

    private void updateWidths() {
        setMinWidth(contentWidth());
        setPrefWidth(contentWidth());
        setMaxWidth(contentWidth() + 400);
    }

    // ------------------------------------------------------------------ API

    /** Shows {@code bytes} (null: nothing) followed by {@code ghostBytes} zero cells past its end; caret to 0. */
    public void setData(HexBytes bytes, long ghostBytes) {
        this.data = bytes;
        this.ghost = Math.max(0, ghostBytes);
        long size = bytes == null ? 0 : bytes.size();
        view.setContent(size + ghost);
        updateWidths();
        caret.reset(size);
        publishCaret();
        updateScrollBar();
        scroll.setValue(0);
        draw();
    }

    public void setStyles(ByteStyles styles) {
        this.styles = styles == null ? ByteStyles.NONE : styles;
        draw();
    }

    /** A node beside the scroll bar (e.g. ticks where the problems are), as tall as the pane. */
    public void setGutter(Node node) {
        if (gutter != null) {
            getChildren().remove(gutter);
        }
        gutter = node;
        getChildren().add(node);
        updateWidths();
    }

    /** Called with the caret's new offset when the user moves it (click, drag, keys), not when code does. */
    public void setOnUserCaret(LongConsumer c) {
        this.onUserCaret = c;
    }

    /** The tooltip for the byte under the mouse ({@code null} or empty: none). */
    public void setTooltipText(LongFunction<String> f) {
        tooltip.setText(f);
    }

    /** The menu a right click opens (after moving the caret to the clicked byte when it is outside the selection). */
    public void setContextMenu(ContextMenu menu) {
        this.contextMenu = menu;
    }

    public ReadOnlyLongProperty caretProperty() {
        return caretOffset.getReadOnlyProperty();
    }

    public long cursor() {
        return caret.caret();
    }

    public ReadOnlyLongProperty selectionStartProperty() {
        return selectionStart.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty selectionLengthProperty() {
        return selectionLength.getReadOnlyProperty();
    }

    public long firstVisibleRow() {
        return view.firstRow();
    }

    /** The first row on screen, as it changes (an overview of the file follows it). */
    public ReadOnlyLongProperty firstVisibleRowProperty() {
        return firstRow.getReadOnlyProperty();
    }

    /** Rows of the content (bytes and cells past the end). */
    public long totalRows() {
        return view.totalRows();
    }

    /** Rows of bytes that fit under the column header. */
    public int visibleRows() {
        return view.visibleRows();
    }

    public HexLayout hexLayout() {
        return view.layout();
    }

    /** Duration of the last paint, for performance logs. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** Selects {@code [start, start+length)}, puts the caret on its first byte and scrolls it into view. */
    public void select(long start, long length) {
        caret.select(start, length);
        publishCaret();
        reveal(caret.caret());
        draw();
    }

    /** Scrolls so that {@code offset}'s row is visible (a few rows below the top when it was not). */
    public void reveal(long offset) {
        long row = view.rowRevealing(offset);
        if (row >= 0) {
            scrollToRow(row);
        }
    }

    public void scrollToRow(long row) {
        boolean moved = view.scrollTo(row);
        scroll.setValue(view.firstRow());
        draw();
        if (moved) {
            tooltip.refresh();
        }
    }

    /** The rectangle of byte {@code offset}'s hex cell in this view's coordinates, or {@code null} when off screen. */
    public Bounds hexCellBounds(long offset) {
        long row = HexLayout.rowOf(offset);
        if (!view.paints(row)) {
            return null;
        }
        int col = (int) (offset % HexLayout.BYTES_PER_ROW);
        return new BoundingBox(view.x(view.layout().hexCell(col)), view.rowTop(row), 2 * view.charWidth(), view.rowHeight());
    }

    // ------------------------------------------------------------------ zoom

    public double fontSize() {
        return font.getSize();
    }

    /** Sets the font size (clamped to 8 … 32 pt), keeping the caret's row in view. */
    public void setFontSize(double size) {
        double s = Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, size));
        if (s == font.getSize()) {
            return;
        }
        applyFont(s);
        updateWidths();
        updateScrollBar();
        requestLayout();
        reveal(caret.caret());
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

    // ------------------------------------------------------------------ layout and paint

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double sw = scroll.prefWidth(-1);
        double gw = gutterWidth();
        if (gutter != null) {
            gutter.resizeRelocate(w - gw, 0, gw, h);
        }
        scroll.resizeRelocate(w - gw - sw, 0, sw, h);
        sw += gw;
        if (paletteDirty) {
            paletteDirty = false;
            draw();
        }
        if (canvas.getWidth() != w - sw || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w - sw));
            canvas.setHeight(Math.max(0, h));
            view.setHeight(canvas.getHeight());
            updateScrollBar();
            draw();
        }
    }

    /** A theme switch restyles the swatches one by one: repaint once, at the layout pass after all of them. */
    private void paletteChanged() {
        paletteDirty = true;
        requestLayout();
    }

    private void updateScrollBar() {
        long max = view.maxFirstRow();
        scroll.setMin(0);
        scroll.setMax(Math.max(0, max));
        scroll.setVisibleAmount(max == 0 ? 1 : Math.max(1, view.visibleRows() * (double) max / Math.max(1, view.totalRows())));
        scroll.setUnitIncrement(1);
        scroll.setBlockIncrement(view.visibleRows());
        scroll.setDisable(max == 0);
    }

    private void draw() {
        long t0 = System.nanoTime();
        firstRow.set(view.firstRow());
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(),
                new HexPainter.Frame(data, ghost, styles, caret, isFocused(), font));
        lastPaintNanos = System.nanoTime() - t0;
    }

    // ------------------------------------------------------------------ input

    private long size() {
        return data == null ? 0 : data.size();
    }

    private long offsetAt(double x, double y) {
        return view.offsetAt(x, y, size() + ghost);
    }

    private void mousePressed(MouseEvent e) {
        requestFocus();
        long o = offsetAt(e.getX(), e.getY());
        if (o < 0 || o >= size()) {
            return;
        }
        if (e.isShiftDown()) {
            caret.extendTo(o);
            userMoved(false);
        } else {
            caret.place(o);
            userMoved(true);
        }
    }

    private void mouseDragged(MouseEvent e) {
        long o = offsetAt(e.getX(), e.getY());
        if (o >= 0 && o < size()) {
            caret.extendTo(o);
            userMoved(false);
        }
    }

    private void contextMenuRequested(ContextMenuEvent e) {
        if (contextMenu == null || data == null) {
            return;
        }
        long o = offsetAt(e.getX(), e.getY());
        if (o >= 0 && o < size() && !caret.selects(o)) {
            caret.place(o);
            userMoved(true);
        }
        tooltip.hide();
        contextMenu.show(this, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        HexCaret.Move move = HexKeys.move(e);
        if (move != null) {
            caret.move(move, view.visibleRows(), e.isShiftDown());
            userMoved(true);
            e.consume();
        }
    }

    /** After the user moved the caret: properties, scroll ({@code reveal}), paint, then the listener. */
    private void userMoved(boolean reveal) {
        publishCaret();
        if (reveal) {
            reveal(caret.caret());
        }
        draw();
        onUserCaret.accept(caret.caret());
    }

    private void publishCaret() {
        caretOffset.set(caret.caret());
        selectionStart.set(caret.start());
        selectionLength.set(caret.length());
    }

    /** Hides the tooltip (a dialog opens over the pane). */
    public void hideTooltip() {
        tooltip.hide();
    }

    /** The tooltip text showing for the byte under the mouse, or {@code null}. */
    public String tooltipShown() {
        return tooltip.shown();
    }
}
