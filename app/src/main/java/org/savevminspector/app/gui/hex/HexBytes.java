package org.savevminspector.app.gui.hex;

/**
 * The bytes a {@link HexView} shows, read a viewport at a time: the control never holds more than the visible rows,
 * so the data can be any size a {@code long} can address.
 */
public interface HexBytes {

    long size();

    /**
     * Copies up to {@code length} bytes from {@code offset} into {@code into[at…]}; fewer only at the end of the
     * data. Called on the FX thread at every paint.
     */
    int read(long offset, byte[] into, int at, int length);
}
