package org.savevminspector.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.loader.LoadOutcome;
import org.savevminspector.loader.LoaderRead;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.loader.PortEvent;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.FileHeader;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;
import org.savevminspector.model.StreamFormat;
import org.savevminspector.stream.ParseResult;

/**
 * A small hand-made v3 stream and the Inspection that describes it, so the writers can be tested without the
 * parser. Layout (absolute offsets):
 * <pre>
 *  0  "QEVM" 00000003
 *  8  FULL id 1 "timer" inst 0 ver 2 (header 19 bytes)   27  be64 ticks = 0x0123456789ABCDEF (wider than 2^53)
 * 35  FULL id 2 "vga" inst 0 ver 2 (header 17 bytes)     52  u8 mode = 7, 53 bytes[4] DE AD BE EF,
 *                                                         57  struct regs { be16 reg0 = 0x1234 }
 * 59  EOF
 * 60  AA BB (trailing)
 * </pre>
 */
final class SampleInspections {
    static final byte[] BYTES = build();
    static final FileInfo FILE = FileInfo.of("sample.sav", BYTES);
    static final ToolInfo TOOL = new ToolInfo("savevm-inspector", "9.9.9-test");

    private SampleInspections() {
    }

    private static byte[] build() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("QEVM".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0, 0, 0, 3});
        b.writeBytes(new byte[] {4, 0, 0, 0, 1, 5});
        b.writeBytes("timer".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 2});
        b.writeBytes(new byte[] {0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
        b.writeBytes(new byte[] {4, 0, 0, 0, 2, 3});
        b.writeBytes("vga".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 2});
        b.writeBytes(new byte[] {7, (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0x12, 0x34});
        b.writeBytes(new byte[] {0, (byte) 0xAA, (byte) 0xBB});
        return b.toByteArray();
    }

    static Section timer() {
        return new Section(0, SectionType.FULL, 1, "timer", 0, 2, Span.of(8, 19), Span.of(27, 8), true, 2,
                List.of(Field.scalar("section_type", FieldType.U8, 8, 4, null)),
                List.of(Field.scalar("ticks", FieldType.BE64, 27, 0x0123456789ABCDEFL, null)));
    }

    static Section vga() {
        Field regs = Field.group("regs", FieldType.STRUCT, Span.of(57, 2),
                List.of(Field.scalar("reg0", FieldType.BE16, 57, 0x1234, null)));
        return new Section(1, SectionType.FULL, 2, "vga", 0, 2, Span.of(35, 17), Span.of(52, 7), true, 1,
                List.of(),
                List.of(Field.scalar("mode", FieldType.U8, 52, 7, v -> v == 7 ? "text mode" : null),
                        Field.bytes("palette", 53, 4), regs));
    }

    static Diagnostic mismatch() {
        return new Diagnostic(DiagnosticCode.VERSION_LABEL_MISMATCH, 35, 24, 1, "vga says version 2, body is v1",
                "The loader reads a v2 body.");
    }

    static Diagnostic trailing() {
        return Diagnostic.of(DiagnosticCode.TRAILING_BYTES, 60, 2, -1, "2 bytes after the EOF marker");
    }

    static FileHeader header() {
        return new FileHeader(Span.of(0, 8), FileHeader.QEVM_MAGIC, 3, StreamFormat.QEVM_V3, 0,
                List.of(Field.scalar("magic", FieldType.BE32, 0, FileHeader.QEVM_MAGIC, null),
                        Field.scalar("file_version", FieldType.BE32, 4, 3, null)));
    }

    static LoaderReport loader() {
        LoaderRead read = new LoaderRead(1, "vga", 0, 2, 35, 52, 7, "rejected", "vga_load: bad version",
                List.of(new LoaderRead.LoadedValue("port", 52, 1, 7, 0)));
        PortEvent port = new PortEvent(1, "vga", "map", 0x3C0, 32, null, "vga maps 0x3C0-0x3DF");
        return new LoaderReport("upstream", LoadOutcome.FAILED, -22, "qemu: warning: error while loading state",
                59, 0, List.of(read), List.of(port));
    }

    /** The stream above with one error on section 1 and a file-level warning. */
    static Inspection withProblems() {
        List<Diagnostic> ds = List.of(mismatch(), trailing());
        ParseResult parse = new ParseResult(BYTES.length, header(), List.of(timer(), vga()), Span.of(59, 1),
                Span.of(60, 2), null, ds);
        return new Inspection(parse, loader(), ds);
    }

    /** Not a QEVM stream at all: no sections, no loader. */
    static Inspection notQevm(long size) {
        FileHeader h = new FileHeader(Span.of(0, Math.min(size, 4)), 0, 0, StreamFormat.UNKNOWN, 0, List.of());
        Diagnostic bad = Diagnostic.of(DiagnosticCode.BAD_MAGIC, 0, Math.min(size, 4), -1,
                "the file does not start with QEVM");
        ParseResult parse = new ParseResult(size, h, List.of(), null, null, Span.of(0, size), List.of(bad));
        return new Inspection(parse, null, List.of(bad));
    }
}
