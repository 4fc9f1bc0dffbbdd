package org.savevminspector.devices.layout;

import java.util.List;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Span;

/**
 * An ATA IDENTIFY string (serial, firmware, model): ASCII stored two characters per little-endian word, so each
 * byte pair is swapped in memory ({@code QT hw/ide.c:padstr} writes {@code str[i ^ 1]}), padded with spaces.
 * Decoded as an {@link FieldType#ASCII} field spanning all its bytes, with the padding trimmed.
 */
public record AtaString(String name, int length) implements SingleField {

    public AtaString {
        if (length <= 0 || length % 2 != 0) {
            throw new IllegalArgumentException("an ATA string has a positive even length, not " + length);
        }
    }

    @Override
    public void skip(Cursor c) {
        c.advance(length);
    }

    @Override
    public void decodeAs(Cursor c, String fieldName, List<Field> out) {
        long at = c.position();
        c.advance(length);
        // a source may return fewer bytes than asked only past its end; missing bytes read as zero, as qemu's do
        byte[] raw = java.util.Arrays.copyOf(c.source().bytes(at, length), length);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int ch = raw[i ^ 1] & 0xFF;
            sb.append(ch >= 0x20 && ch < 0x7F ? (char) ch : '.');
        }
        out.add(new Field(fieldName, FieldType.ASCII, new Span(at, length), 0, sb.toString().strip(), null,
                List.of()));
    }

    @Override
    public long fixedSize() {
        return length;
    }
}
