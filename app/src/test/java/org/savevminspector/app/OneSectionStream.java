package org.savevminspector.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A v3 stream of one FULL section (id 1, instance 0, version 1) with a 4-byte body, then the EOF marker. */
public final class OneSectionStream {
    private OneSectionStream() {
    }

    /** With {@code idstr} as its name, each character one byte (ISO-8859-1): how a control byte gets into a file. */
    public static byte[] withIdstr(String idstr) {
        byte[] id = idstr.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(8 + 14 + id.length + 4 + 1);
        b.put("QEVM".getBytes(StandardCharsets.US_ASCII)).putInt(3);
        b.put((byte) 0x04).putInt(1).put((byte) id.length).put(id).putInt(0).putInt(1);
        b.put(new byte[] {1, 2, 3, 4}).put((byte) 0);
        return b.array();
    }
}
