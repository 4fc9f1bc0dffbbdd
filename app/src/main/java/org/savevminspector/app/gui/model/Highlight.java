package org.savevminspector.app.gui.model;

/**
 * A coloured byte range {@code [start, end)} of the hex pane; {@link HighlightKind#MISSING_FIELD} is a position
 * ({@code start == end}).
 *
 * @param tooltip one sentence for the hover tooltip, may be empty
 */
public record Highlight(long start, long end, HighlightKind kind, String tooltip) {

    public boolean overlaps(long from, long to) {
        return start == end ? start >= from && start < to : start < to && end > from;
    }

    public boolean contains(long offset) {
        return start == end ? offset == start : offset >= start && offset < end;
    }
}
