package org.savevminspector.devices.layout;

import org.savevminspector.io.ByteSource;

/**
 * What a run of raw bytes means as a whole (a MAC address, the RTC date in CMOS RAM, a summary of 4 MiB of
 * VRAM). Computed once while decoding, so the viewer and the reports show it without reading the bytes again.
 */
@FunctionalInterface
public interface BytesView {

    /**
     * @param src the bytes; the whole run {@code [at, at + length)} lies inside the data
     * @return the description, or {@code null} when there is nothing to add
     */
    String describe(ByteSource src, long at, long length);
}
