package org.savevminspector.repair;

import org.savevminspector.model.Hex;

/**
 * One change to the bytes: at {@code offset} (of the original file) the bytes {@code before} become
 * {@code after}. An insertion has an empty {@code before}; a removal an empty {@code after}.
 *
 * @param offset offset in the original file
 * @param before original bytes
 * @param after  replacement bytes
 * @param reason one line: why this edit
 */
public record ByteEdit(long offset, byte[] before, byte[] after, String reason) {

    public ByteEdit {
        before = before.clone();
        after = after.clone();
    }

    @Override
    public byte[] before() {
        return before.clone();
    }

    @Override
    public byte[] after() {
        return after.clone();
    }

    /** Length change this edit causes. */
    public long delta() {
        return (long) after.length - before.length;
    }

    public String beforeHex() {
        return Hex.spaced(before);
    }

    public String afterHex() {
        return Hex.spaced(after);
    }

    @Override
    public String toString() {
        return "@" + offset + ": [" + beforeHex() + "] -> [" + afterHex() + "] " + reason;
    }
}
