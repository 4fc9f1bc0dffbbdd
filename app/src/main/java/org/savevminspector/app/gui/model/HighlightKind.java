package org.savevminspector.app.gui.model;

import java.util.Locale;

/**
 * Layers of colour in the hex pane, in paint order (later ones paint over earlier ones). Each maps to a CSS style
 * class {@code hex-<name in lower case with dashes>} in the theme stylesheets of {@code ui-resources}.
 */
public enum HighlightKind {
    /** Whole section whose label does not match its shape (weak error tint, always on; selection paints over it). */
    ERROR_SECTION,
    /** Header bytes of the section that holds the selection (weak). */
    SECTION_HEADER,
    /** Body bytes of the section that holds the selection (weak). */
    SECTION_BODY,
    /** Bytes after the EOF marker (always on). */
    TRAILING,
    /** Bytes a warning points at (always on). */
    WARN,
    /** Bytes an error points at (always on). */
    ERROR,
    /** Bytes the chosen loader reads differently from the file's structure: left unread, or never restored. */
    LOADER_DIFF,
    /** Bytes inside the data that a loader would read beyond where the section ends, e.g. the swallowed EOF marker. */
    OVERRUN,
    /** Bytes that differ from the other file of a comparison (or that only this file has). */
    DIFFERS,
    /** The same bytes outlined over everything else, so that they still show inside a selection. */
    DIFFERS_EDGE,
    /** The selected node's bytes (strong). */
    SELECTED,
    /** A find match. */
    MATCH,
    /** Bytes the user bookmarked (underlined, over every other layer). */
    BOOKMARK,
    /** Zero-length marker: where a field a loader expects is missing (drawn as a bar before the byte). */
    MISSING_FIELD,
    /** Cells after the last byte that a loader would read past the end (zero-filled). */
    GHOST;

    public String styleClass() {
        return "hex-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
