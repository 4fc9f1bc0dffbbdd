package org.savevminspector.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.FileHeader;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;
import org.savevminspector.model.StreamFormat;

/** Reads the 8-byte QEVM header (FORMAT.md A.2) and the be64 total length of the v2-compat format (FORMAT.md A.12). */
final class FileHeaderReader {
    /** The magic as bytes, compared one by one so that a file shorter than 4 bytes is judged on what it has. */
    private static final byte[] MAGIC = ByteBuffer.allocate(4).putInt((int) FileHeader.QEVM_MAGIC).array();

    /** Signatures of the Xen containers that embed a QEVM stream (FORMAT.md D), to say what a non-QEVM file is. */
    private static final String[][] CONTAINERS = {
        {"Xen saved domain, xl format\n", "an xl save file (FORMAT.md D.3)"},
        {"XenSavedDomain\n", "a XenServer legacy save image (FORMAT.md D.5)"},
        {"XenSavedDomv2-\n", "a XenServer structured save image (FORMAT.md D.5)"},
        {"LinuxGuestRecord", "an xend (xm save) image (FORMAT.md D.2)"},
        {"LibxlFmt", "a libxl migration-v2 stream (FORMAT.md D.4)"},
    };

    record Result(FileHeader header, List<Diagnostic> diagnostics) {
        /** The first byte after the header: where the sections or records start. */
        long bodyStart() {
            return header.span().end();
        }
    }

    private FileHeaderReader() {
    }

    static Result read(ByteSource src) {
        long size = src.size();
        List<Diagnostic> diags = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        if (size == 0) {
            diags.add(Diagnostic.raise(DiagnosticCode.TRUNCATED, "empty", 0, 0, -1));
            return result(0, 0, StreamFormat.UNKNOWN, 0, fields, diags);
        }
        int have = (int) Math.min(4, size);
        byte[] magic = src.bytes(0, have);
        for (int i = 0; i < have; i++) {
            if (magic[i] != MAGIC[i]) {
                diags.add(badMagic(src));
                return result(0, 0, StreamFormat.UNKNOWN, 0, fields, diags);
            }
        }
        if (size < 8) {
            diags.add(Diagnostic.raise(DiagnosticCode.TRUNCATED, "file-header", 0, size, -1, size));
            return result(size, 0, StreamFormat.UNKNOWN, 0, fields, diags);
        }
        fields.add(Field.scalar("magic", FieldType.BE32, 0, src.be32(0), v -> "\"QEVM\" (QEMU_VM_FILE_MAGIC)"));
        long version = src.be32(4);
        fields.add(Field.scalar("file_version", FieldType.BE32, 4, version, FileHeaderReader::versionMeaning));
        if (version == 3) {
            return result(8, version, StreamFormat.QEVM_V3, 0, fields, diags);
        }
        if (version == 1) {
            diags.add(Diagnostic.raise(DiagnosticCode.FORMAT_INFO, "file-version-1", 4, 4, -1));
            return result(8, version, StreamFormat.QEVM_V1, 0, fields, diags);
        }
        if (version == 2) {
            if (size < 16) {
                diags.add(Diagnostic.raise(DiagnosticCode.TRUNCATED, "v2-header", 8, size - 8, -1, size - 8));
                return result(size, version, StreamFormat.QEVM_V2, 0, fields, diags);
            }
            long total = src.be64(8);
            fields.add(Field.scalar("total_len", FieldType.BE64, 8, total, v -> "bytes after this field"));
            diags.add(Diagnostic.raise(DiagnosticCode.FORMAT_INFO, "file-version-2", 4, 4, -1));
            return result(16, version, StreamFormat.QEVM_V2, total, fields, diags);
        }
        diags.add(Diagnostic.raise(DiagnosticCode.UNSUPPORTED_FILE_VERSION, "unknown", 4, 4, -1, version));
        return result(8, version, StreamFormat.UNKNOWN, 0, fields, diags);
    }

    private static String versionMeaning(long v) {
        if (v == 3) {
            return "QEMU_VM_FILE_VERSION (current)";
        }
        if (v == 2) {
            return "QEMU_VM_FILE_VERSION_COMPAT";
        }
        return v == 1 ? "Xen 3.0/3.1 ioemu format" : "unknown file version";
    }

    /** The header covers the first {@code len} bytes; what follows it is the body. */
    private static Result result(long len, long version, StreamFormat f, long total, List<Field> fields,
                                 List<Diagnostic> diags) {
        return new Result(new FileHeader(new Span(0, len), FileHeader.QEVM_MAGIC, version, f, total, fields), diags);
    }

    private static Diagnostic badMagic(ByteSource src) {
        byte[] head = src.bytes(0, 32);
        String container = null;
        String text = new String(head, StandardCharsets.ISO_8859_1);
        for (String[] c : CONTAINERS) {
            if (text.startsWith(c[0])) {
                container = c[1];
            }
        }
        byte[] four = Arrays.copyOf(head, Math.min(4, head.length));
        return Diagnostic.raise(DiagnosticCode.BAD_MAGIC, container == null ? "other" : "container", 0, four.length,
                -1, Hex.spaced(four), container);
    }
}
