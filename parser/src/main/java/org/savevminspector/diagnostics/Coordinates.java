package org.savevminspector.diagnostics;

import org.savevminspector.model.Hex;

/**
 * How an offset of a parse reads in the file the user has open. A bare stream is the file: its offsets read as
 * they are. A stream inside a save image was parsed at its own offsets (exactly as a bare file) and then moved;
 * its offsets read as file offsets first, the stream-relative one after them, e.g.
 * {@code 12320854 (0xBC0056; stream +0x1D58)}, so that messages speak the tree's and the hex pane's coordinates.
 */
public final class Coordinates {
    /** Offsets are file offsets. */
    public static final Coordinates FILE = new Coordinates(0);

    /** Where the stream starts in the file; 0 for a bare stream. */
    private final long streamStart;

    private Coordinates(long streamStart) {
        this.streamStart = streamStart;
    }

    /** The offsets of a stream that starts {@code streamStart} bytes into the file (0: the file itself). */
    public static Coordinates streamAt(long streamStart) {
        return streamStart == 0 ? FILE : new Coordinates(streamStart);
    }

    /** These coordinates for a stream moved {@code delta} bytes further on. */
    public Coordinates moved(long delta) {
        return streamAt(streamStart + delta);
    }

    public long streamStart() {
        return streamStart;
    }

    public boolean embedded() {
        return streamStart != 0;
    }

    /** Stream offset {@code at} in the tool's usual form ({@link Hex#offset}), at the file offset first. */
    public String offset(long at) {
        return embedded() ? inImage(at) : Hex.offset(at);
    }

    /** The same for an offset a bare stream's message gives in decimal only. */
    public String decimal(long at) {
        return embedded() ? inImage(at) : Long.toString(at);
    }

    private String inImage(long at) {
        long file = streamStart + at;
        return file + " (" + Hex.plain(file) + "; stream +" + Hex.plain(at) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coordinates c && c.streamStart == streamStart;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(streamStart);
    }

    @Override
    public String toString() {
        return embedded() ? "stream at " + streamStart : "file";
    }
}
