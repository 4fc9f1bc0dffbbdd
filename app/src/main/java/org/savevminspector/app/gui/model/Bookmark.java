package org.savevminspector.app.gui.model;

/**
 * A place in a file the user marked, with a note: a node's bytes or any byte range.
 *
 * @param offset first byte
 * @param length bytes marked (at least 1)
 * @param label  the node path when a node was marked, else empty
 * @param note   what the user wrote, may be empty
 */
public record Bookmark(long offset, long length, String label, String note) {

    public Bookmark {
        if (offset < 0 || length < 1) {
            throw new IllegalArgumentException("bookmark at " + offset + " +" + length);
        }
        label = label == null ? "" : label;
        note = note == null ? "" : note;
    }

    public long end() {
        return offset + length;
    }

    public Bookmark withNote(String text) {
        return new Bookmark(offset, length, label, text);
    }

    /** How the status bar names it: the note, else the node, else the offset. */
    public String title() {
        if (!note.isBlank()) {
            return note;
        }
        return label.isEmpty() ? OffsetFormat.hexAndDecimal(offset) : label;
    }
}
