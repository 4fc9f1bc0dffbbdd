package org.savevminspector.app.gui.hex;

/**
 * Caret and selection of a hex pane over {@code size} bytes, without any JavaFX: the caret (the byte the keys move
 * from), the anchor (where a drag or a shift-extension started) and the selected range. A selection is either a
 * range the user dragged or shift-extended ({@link #isUserRange}: the pane tints it) or one set by code (a node's
 * span, a match), which the pane leaves to the styles it is given.
 */
public final class HexCaret {

    /** Where a key sends the caret. */
    public enum Move {
        LEFT, RIGHT, UP, DOWN, PAGE_UP, PAGE_DOWN,
        /** First byte of the caret's row. */
        ROW_START,
        /** Last byte of the caret's row. */
        ROW_END,
        /** First byte of the data. */
        FIRST,
        /** Last byte of the data. */
        LAST
    }

    private long size;
    private long caret;
    private long anchor;
    private long start;
    private long length;
    private boolean userRange;

    /** New data: caret and empty selection at 0. */
    public void reset(long size) {
        this.size = Math.max(0, size);
        caret = 0;
        anchor = 0;
        start = 0;
        length = 0;
        userRange = false;
    }

    /** Selects {@code [start, start+length)} (cut at the end of the data) and puts the caret on its first byte. */
    public void select(long start, long length) {
        long s = clamp(start);
        anchor = s;
        userRange = false;
        caret = s;
        this.start = s;
        this.length = Math.max(0, Math.min(length, size - s));
    }

    /** Puts the caret on {@code offset} (clamped to the data) with that one byte selected: a click, an arrow key. */
    public void place(long offset) {
        long c = clamp(offset);
        anchor = c;
        userRange = false;
        caret = c;
        start = c;
        length = 1;
    }

    /** Moves the caret to {@code offset}, selecting everything from the anchor to it: a drag, a shift-key. */
    public void extendTo(long offset) {
        userRange = true;
        start = Math.min(anchor, offset);
        length = Math.abs(offset - anchor) + 1;
        caret = offset;
    }

    /** Where {@code move} sends the caret, before clamping; a page is {@code pageRows} rows. */
    public long target(Move move, int pageRows) {
        long row = HexLayout.BYTES_PER_ROW;
        long rowStart = caret - caret % row;
        return switch (move) {
            case LEFT -> caret - 1;
            case RIGHT -> caret + 1;
            case UP -> caret - row;
            case DOWN -> caret + row;
            case PAGE_UP -> caret - pageRows * row;
            case PAGE_DOWN -> caret + pageRows * row;
            case ROW_START -> rowStart;
            case ROW_END -> rowStart + row - 1;
            case FIRST -> 0;
            case LAST -> size - 1;
        };
    }

    /** Applies a key: the caret goes to {@code move}'s target, extending the selection when {@code extend}. */
    public void move(Move move, int pageRows, boolean extend) {
        long t = clamp(target(move, pageRows));
        if (extend) {
            extendTo(t);
        } else {
            place(t);
        }
    }

    /** Whether {@code offset} lies in the selection (an empty selection counts as its first byte). */
    public boolean selects(long offset) {
        return offset >= start && offset < start + Math.max(1, length);
    }

    /** {@code offset} moved into the data: {@code 0 … size-1} (0 for no data). */
    public long clamp(long offset) {
        return Math.max(0, Math.min(offset, Math.max(0, size - 1)));
    }

    public long size() {
        return size;
    }

    public long caret() {
        return caret;
    }

    public long start() {
        return start;
    }

    public long length() {
        return length;
    }

    public boolean isUserRange() {
        return userRange;
    }
}
