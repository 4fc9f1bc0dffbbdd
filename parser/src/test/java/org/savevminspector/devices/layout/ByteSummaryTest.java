package org.savevminspector.devices.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Span;

/** The one-line summary of large byte arrays, and how byte runs and groups show their description. */
class ByteSummaryTest {

    @Test
    void allZeroEmptyAndUniform() {
        byte[] data = new byte[200_000];
        assertEquals("all zero", ByteSummary.describe(ByteSource.of(data), 0, data.length));
        assertEquals("empty", ByteSummary.describe(ByteSource.of(data), 0, 0));
        // every byte value equally often, across several read blocks: 8 bits of entropy
        for (int i = 0; i < 131_072; i++) {
            data[i] = (byte) i;
        }
        assertEquals("130560 of 131072 bytes non-zero (99.6%), entropy 8.00 bits/byte",
                ByteSummary.describe(ByteSource.of(data), 0, 131_072));
        // half 0x00, half 0xFF: one bit per byte
        assertEquals("2 of 4 bytes non-zero (50.0%), entropy 1.00 bits/byte",
                ByteSummary.describe(ByteSource.of(new byte[] {0, -1, 0, -1}), 0, 4));
    }

    @Test
    void describedBytesAndGroupsShowTheirTextAsMeaning() {
        Field bytes = new Field("vram", FieldType.BYTES, new Span(10, 4096), 0, "all zero", null, null);
        assertEquals("4096 bytes → all zero", bytes.display());
        assertEquals("all zero", bytes.meaningText());
        assertEquals("4096 bytes", Field.bytes("vram", 10, 4096).display());
        Field group = new Field("tm", FieldType.STRUCT, new Span(0, 28), 0, "2026-11-25 09:15:30", null,
                java.util.List.of(Field.bytes("a", 0, 28)));
        assertEquals("1 fields → 2026-11-25 09:15:30", group.display());
        assertEquals("2026-11-25 09:15:30", group.meaningText());
    }
}
