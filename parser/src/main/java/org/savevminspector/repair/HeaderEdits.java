package org.savevminspector.repair;

import java.nio.charset.StandardCharsets;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;

/**
 * Byte edits of a v3 section header (docs/FORMAT.md A.4: type, be32 section_id, u8 len, idstr, be32 instance_id, be32
 * version_id). Only the header changes: the body and every other section keep their bytes.
 */
final class HeaderEdits {
    /** Offset of the idstr length byte: after the type byte and the be32 section id. */
    private static final int LEN_OFFSET = 5;

    private HeaderEdits() {
    }

    /** The length byte and the idstr become {@code idstr}; the header grows or shrinks by the difference. */
    static ByteEdit rename(Section s, ByteSource original, String idstr, String reason) {
        byte[] name = idstr.getBytes(StandardCharsets.US_ASCII);
        if (name.length == 0 || name.length > 255) {
            throw new IllegalArgumentException("an idstr is 1–255 bytes: " + idstr);
        }
        long at = s.header().offset() + LEN_OFFSET;
        int oldLen = original.u8(at);
        byte[] before = original.bytes(at, 1 + oldLen);
        byte[] after = new byte[1 + name.length];
        after[0] = (byte) name.length;
        System.arraycopy(name, 0, after, 1, name.length);
        return new ByteEdit(at, before, after, reason);
    }

    /** The be32 instance id (right before the version) becomes {@code instance}. */
    static ByteEdit instance(Section s, ByteSource original, long instance, String reason) {
        long at = s.versionOffset() - 4;
        return new ByteEdit(at, original.bytes(at, 4), be32(instance), reason);
    }

    /** The be32 version label becomes {@code version}. */
    static ByteEdit version(Section s, ByteSource original, long version, String reason) {
        long at = s.versionOffset();
        return new ByteEdit(at, original.bytes(at, 4), be32(version), reason);
    }

    static byte[] be32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
