package org.savevminspector.app.gui.model;

import java.util.function.Supplier;

/**
 * A coloured byte range {@code [start, end)} of the hex pane; {@link HighlightKind#MISSING_FIELD} is a position
 * ({@code start == end}).
 *
 * @param text the hover tooltip, worded when asked: a file of a million duplicated sections has a million
 *             highlights, and only the one under the mouse is ever read
 */
public record Highlight(long start, long end, HighlightKind kind, Supplier<String> text) {

    /** @param tooltip one sentence for the hover tooltip, may be empty */
    public Highlight(long start, long end, HighlightKind kind, String tooltip) {
        this(start, end, kind, () -> tooltip);
    }

    /** One sentence for the hover tooltip, may be empty. */
    public String tooltip() {
        return text.get();
    }

    public boolean overlaps(long from, long to) {
        return start == end ? start >= from && start < to : start < to && end > from;
    }

    public boolean contains(long offset) {
        return start == end ? offset == start : offset >= start && offset < end;
    }
}
