package org.savevminspector.model;

/** A byte range of the file: every parsed node carries one so a viewer can highlight it. */
public record Span(long offset, long length) {

    public Span {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative span " + offset + "+" + length);
        }
    }

    public static Span of(long offset, long length) {
        return new Span(offset, length);
    }

    /** First offset after the span. */
    public long end() {
        return offset + length;
    }

    public boolean contains(long pos) {
        return pos >= offset && pos < offset + length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    @Override
    public String toString() {
        return offset + "+" + length;
    }
}
