package org.savevminspector.bench;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.savevminspector.fixtures.SectionRecord;
import org.savevminspector.fixtures.Stream;

/**
 * A long v3 stream made from a real one: the 8-byte file header, then the source's FULL sections repeated in
 * file order until {@code count} sections are written, each with its be32 section_id (header offset + 1,
 * FORMAT.md A.7) rewritten to 1, 2, 3… so ids keep increasing as qemu-dm writes them, then the EOF byte.
 */
final class SyntheticStream {
    private static final int FILE_HEADER = 8;

    private SyntheticStream() {
    }

    static byte[] repeat(Stream source, int count) {
        byte[] src = source.bytes();
        List<SectionRecord> full = source.fullSections();
        if (full.isEmpty()) {
            throw new IllegalArgumentException("the source stream has no FULL sections");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * averageSize(full) + FILE_HEADER + 1);
        out.write(src, 0, FILE_HEADER);
        for (int i = 0; i < count; i++) {
            SectionRecord s = full.get(i % full.size());
            byte[] section = new byte[s.endOffset() - s.headerOffset()];
            System.arraycopy(src, s.headerOffset(), section, 0, section.length);
            long id = i + 1L;
            section[1] = (byte) (id >>> 24);
            section[2] = (byte) (id >>> 16);
            section[3] = (byte) (id >>> 8);
            section[4] = (byte) id;
            out.write(section, 0, section.length);
        }
        out.write(0x00); // QEMU_VM_EOF
        return out.toByteArray();
    }

    private static int averageSize(List<SectionRecord> full) {
        long total = 0;
        for (SectionRecord s : full) {
            total += s.endOffset() - s.headerOffset();
        }
        return (int) (total / full.size());
    }
}
