package org.savevminspector.model;

import java.util.List;

/**
 * The QEVM file header: magic and file version (FORMAT.md A.2), plus the be64 total length of the v2-compat format
 * (FORMAT.md A.12). {@code fields} covers exactly the header bytes that are present.
 */
public record FileHeader(Span span, long magic, long fileVersion, StreamFormat format, long totalLength,
                         List<Field> fields) {

    public static final long QEVM_MAGIC = 0x5145564DL;

    public FileHeader {
        fields = List.copyOf(fields);
    }
}
