package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/**
 * The walk's answers at every edge, through {@link SavevmParser#parse}: the exact span of every header field (what
 * the viewer highlights), the exact code, offset, length, section and message of every diagnostic the walk raises,
 * and each end of a stream (EOF marker, end of data, a cut in a header, a body, a live payload, a byte that is no
 * section type). {@link TinyStream}'s toy devices, plus "gamma" (v1: 4 bytes, v2: 5 bytes, no expected values) and
 * "delta" (a count byte and that many be16 items: a body whose length needs bytes the data may not have), "epsilon"
 * (v1: 4 bytes, v2: 6 bytes), "theta" (4, 5 and 6 bytes) and "empty" (no body).
 */
class WalkEdgesTest {

    static final class Gamma1 extends DeviceLayoutBase {
        Gamma1() {
            super("gamma", 1, "test", Layout.of(Layout.be32("a")));
        }
    }

    static final class Gamma2 extends DeviceLayoutBase {
        Gamma2() {
            super("gamma", 2, "test", Layout.of(Layout.be32("a"), Layout.u8("b")));
        }
    }

    static final class Delta1 extends DeviceLayoutBase {
        Delta1() {
            super("delta", 1, "test", Layout.of(Layout.u8("n").keep(), Layout.repeat("items", "n", Layout.be16("v"))));
        }
    }

    static final class Epsilon1 extends DeviceLayoutBase {
        Epsilon1() {
            super("epsilon", 1, "test", Layout.of(Layout.be32("a")));
        }
    }

    static final class Epsilon2 extends DeviceLayoutBase {
        Epsilon2() {
            super("epsilon", 2, "test", Layout.of(Layout.be32("a"), Layout.be16("b")));
        }
    }

    /** theta v1, v2, v3: 4, 5 and 6 bytes, for a choice between two other shapes. */
    static final class Theta extends DeviceLayoutBase {
        Theta(int version) {
            super("theta", version, "test", version == 1 ? Layout.of(Layout.be32("a"))
                    : version == 2 ? Layout.of(Layout.be32("a"), Layout.u8("b"))
                    : Layout.of(Layout.be32("a"), Layout.be16("b")));
        }
    }

    /** zeta v1: no body at all. */
    static final class Empty1 extends DeviceLayoutBase {
        Empty1() {
            super("empty", 1, "test", Layout.of());
        }
    }

    /** empty v2: one byte. */
    static final class Empty2 extends DeviceLayoutBase {
        Empty2() {
            super("empty", 2, "test", Layout.of(Layout.u8("b")));
        }
    }

    /** kappa v1: a signed be32 count of bytes (a negative count has no length at all); v2: 4 bytes. */
    static final class Kappa1 extends DeviceLayoutBase {
        Kappa1() {
            super("kappa", 1, "test", Layout.of(Layout.sbe32("n").keep(), Layout.repeat("items", "n", Layout.u8("v"))));
        }
    }

    static final class Kappa2 extends DeviceLayoutBase {
        Kappa2() {
            super("kappa", 2, "test", Layout.of(Layout.be32("a")));
        }
    }

    static final DeviceCatalog CATALOG = new DeviceCatalog(List.of(new TinyStream.Layout1(), new TinyStream.Layout2(),
            new TinyStream.Beta1(), new Gamma1(), new Gamma2(), new Delta1(), new Epsilon1(), new Epsilon2(),
            new Theta(1), new Theta(2), new Theta(3), new Empty1(), new Empty2(), new Kappa1(), new Kappa2()));

    private static ParseResult parse(byte[] b) {
        return new SavevmParser(CATALOG).parse(ByteSource.of(b));
    }

    /** A diagnostic as code@offset+length#section. */
    static String at(Diagnostic d) {
        return d.code() + "@" + d.offset() + "+" + d.length() + "#" + d.section();
    }

    static List<String> at(ParseResult r) {
        return r.diagnostics().stream().map(WalkEdgesTest::at).toList();
    }

    /** A field as name@offset+length=value (hex) or ="text". */
    static String field(Field f) {
        String v = f.type() == FieldType.ASCII ? "\"" + f.text() + "\"" : Long.toHexString(f.value());
        return f.name() + "@" + f.span().offset() + "+" + f.span().length() + "=" + v;
    }

    static List<String> fields(List<Field> fs) {
        return fs.stream().map(WalkEdgesTest::field).toList();
    }

    /** A section as type sid 'idstr' i(instance) v(label) header body and the version decoded with. */
    static String section(Section s) {
        return s.type() + " " + s.sectionId() + " '" + s.idstr() + "' i" + s.instanceId() + " v" + s.versionId()
                + " h" + s.header().offset() + "+" + s.header().length() + " b" + s.body().offset() + "+"
                + s.body().length() + (s.decoded() ? " shape " + s.shapeVersion() : " undecoded");
    }

    static List<String> sections(ParseResult r) {
        return r.sections().stream().map(WalkEdgesTest::section).toList();
    }

    private static String message(ParseResult r, int i) {
        return r.diagnostics().get(i).message();
    }

    // ---- header fields ------------------------------------------------------------------------------------------

    @Test
    void everyFieldOfAFullHeaderHasItsOwnBytes() {
        byte[] b = TinyStream.v3().full(0x01020304, "beta", 0x0A0B0C0D, 1, 0x12, 0x34).eof().bytes();
        ParseResult r = parse(b);
        assertEquals(List.of(), at(r));
        Section s = r.sections().get(0);
        assertEquals("FULL 16909060 'beta' i168496141 v1 h8+18 b26+2 shape 1", section(s));
        assertEquals(List.of("section_type@8+1=4", "section_id@9+4=1020304", "idstr_len@13+1=4", "idstr@14+4=\"beta\"",
                "instance_id@18+4=a0b0c0d", "version_id@22+4=1"), fields(s.headerFields()));
        assertEquals("QEMU_VM_SECTION_FULL", s.headerFields().get(0).meaningText());
        assertEquals(List.of("x@26+2=1234"), fields(s.fields()));
        assertEquals(new Span(28, 1), r.eof());
        assertNull(r.trailing());
        assertNull(r.unparsed());
    }

    @Test
    void liveSectionsCarryTheirTypeAndIdAndThePayloadTheStartsLayoutGives() {
        TinyStream t = TinyStream.v3().raw(1).be32(7).raw(4, 'b', 'e', 't', 'a').be32(0).be32(1).raw(0xAA, 0xBB);
        t.raw(2).be32(7).raw(0xCC, 0xDD).raw(3).be32(7).raw(0xEE, 0xFF).eof();
        ParseResult r = parse(t.bytes());
        assertEquals(List.of(), at(r));
        assertEquals(List.of("START 7 'beta' i0 v1 h8+18 b26+2 shape 1", "PART 7 'beta' i-1 v-1 h28+5 b33+2 shape 1",
                "END 7 'beta' i-1 v-1 h35+5 b40+2 shape 1"), sections(r));
        assertEquals("QEMU_VM_SECTION_START", r.sections().get(0).headerFields().get(0).meaningText());
        assertEquals(List.of("section_type@28+1=2", "section_id@29+4=7"), fields(r.sections().get(1).headerFields()));
        assertEquals("QEMU_VM_SECTION_PART", r.sections().get(1).headerFields().get(0).meaningText());
        assertEquals(List.of("section_type@35+1=3", "section_id@36+4=7"), fields(r.sections().get(2).headerFields()));
        assertEquals("QEMU_VM_SECTION_END", r.sections().get(2).headerFields().get(0).meaningText());
        assertEquals(new Span(42, 1), r.eof());
    }

    @Test
    void everyFieldOfARecordHeaderHasItsOwnBytes() {
        TinyStream t = new TinyStream().raw('Q', 'E', 'V', 'M', 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 19);
        t.raw(4, 'b', 'e', 't', 'a').be32(0x0A0B0C0D).be32(1).be32(2).raw(0x12, 0x34);
        ParseResult r = parse(t.bytes());
        assertEquals(List.of("FORMAT_INFO@4+4#-1"), at(r));
        Section s = r.sections().get(0);
        assertEquals("RECORD -1 'beta' i168496141 v1 h16+17 b33+2 shape 1", section(s));
        assertEquals(List.of("idstr_len@16+1=4", "idstr@17+4=\"beta\"", "instance_id@21+4=a0b0c0d",
                "version_id@25+4=1", "record_len@29+4=2"), fields(s.headerFields()));
        assertEquals(List.of("x@33+2=1234"), fields(s.fields()));
        assertEquals(29, s.versionOffset() + 4, "record_len follows the version");
    }

    // ---- the file header ----------------------------------------------------------------------------------------

    @Test
    void fileHeaderEdges() {
        assertEquals(List.of("TRUNCATED@0+0#-1"), at(parse(new byte[0])));
        assertEquals("empty file: no QEVM header (8 bytes expected at offset 0)", message(parse(new byte[0]), 0));
        ParseResult three = parse(new byte[] {'Q', 'E', 'V'});
        assertEquals(List.of("TRUNCATED@0+3#-1"), at(three));
        assertEquals("data ends inside the QEVM file header: 3 of 8 bytes at offset 0", message(three, 0));
        assertEquals(new Span(0, 3), three.header().span());
        ParseResult seven = parse(new byte[] {'Q', 'E', 'V', 'M', 0, 0, 0});
        assertEquals(List.of("TRUNCATED@0+7#-1"), at(seven));
        ParseResult eight = parse(new byte[] {'Q', 'E', 'V', 'M', 0, 0, 0, 3});
        assertEquals(List.of("MISSING_EOF@8+0#-1"), at(eight));
        assertEquals(List.of("magic@0+4=5145564d", "file_version@4+4=3"), fields(eight.header().fields()));
        assertEquals("QEMU_VM_FILE_VERSION (current)", eight.header().fields().get(1).meaningText());
        assertEquals("\"QEVM\" (QEMU_VM_FILE_MAGIC)", eight.header().fields().get(0).meaningText());

        ParseResult badLastByte = parse(new byte[] {'Q', 'E', 'V', 'N', 0, 0, 0, 3, 0});
        assertEquals(List.of("BAD_MAGIC@0+4#-1"), at(badLastByte));
        assertEquals("not a QEVM stream: the file starts with 51 45 56 4E, expected 51 45 56 4D (\"QEVM\") at offset 0",
                message(badLastByte, 0));
        ParseResult twoBad = parse(new byte[] {'Q', 'X'});
        assertEquals(List.of("BAD_MAGIC@0+2#-1"), at(twoBad));

        byte[] xend = "LinuxGuestRecord and more".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("not a QEVM stream: the file starts with 4C 69 6E 75, expected 51 45 56 4D (\"QEVM\") at offset 0; "
                + "this looks like an xend (xm save) image (FORMAT.md D.2), which embeds a QEVM stream further in (the "
                + "save-image walk, org.savevminspector.container, finds it; its diagnostics say why it did not)",
                message(parse(xend), 0));
    }

    @Test
    void fileVersionsOneTwoAndOthers() {
        ParseResult v1 = parse(new byte[] {'Q', 'E', 'V', 'M', 0, 0, 0, 1});
        assertEquals(List.of("FORMAT_INFO@4+4#-1"), at(v1));
        assertEquals("QEVM file version 1 (Xen 3.0/3.1 ioemu): records up to the end of the data; upstream "
                + "qemu-dm refuses this version (-ENOTSUP)", message(v1, 0));
        assertEquals("Xen 3.0/3.1 ioemu format", v1.header().fields().get(1).meaningText());

        byte[] v2 = {'Q', 'E', 'V', 'M', 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0};
        ParseResult cut = parse(v2);
        assertEquals(List.of("TRUNCATED@8+7#-1"), at(cut));
        assertEquals("data ends inside the v2 header: the be64 total length at offset 8 needs 8 bytes, 7 remain",
                message(cut, 0));
        ParseResult whole = parse(Arrays.copyOf(v2, 16));
        assertEquals(List.of("FORMAT_INFO@4+4#-1"), at(whole));
        assertEquals(List.of("magic@0+4=5145564d", "file_version@4+4=2", "total_len@8+8=0"),
                fields(whole.header().fields()));
        assertEquals("QEMU_VM_FILE_VERSION_COMPAT", whole.header().fields().get(1).meaningText());
        assertEquals("bytes after this field", whole.header().fields().get(2).meaningText());
        // total_len 0: no records, whatever follows
        ParseResult zero = parse(record(v2(0), "beta", 1, 2, 1, 2).bytes());
        assertEquals(List.of("FORMAT_INFO@4+4#-1", "TRAILING_BYTES@16+19#-1"), at(zero));
        assertEquals(List.of(), sections(zero));
        assertEquals(new Span(0, 16), whole.header().span());

        ParseResult v4 = parse(new byte[] {'Q', 'E', 'V', 'M', 1, 2, 3, 4, 9});
        assertEquals(List.of("UNSUPPORTED_FILE_VERSION@4+4#-1"), at(v4));
        assertEquals("QEVM file version 16909060 at offset 4: qemu-dm writes 3 and reads 3 and 2 (upstream returns "
                + "-ENOTSUP for others)", message(v4, 0));
        assertEquals("unknown file version", v4.header().fields().get(1).meaningText());
        assertEquals(new Span(8, 1), v4.unparsed());
        assertNull(parse(new byte[] {'Q', 'E', 'V', 'M', 1, 2, 3, 4}).unparsed(), "nothing after the header");
    }

    // ---- the end of a v3 stream ---------------------------------------------------------------------------------

    @Test
    void theEndsOfAStream() {
        ParseResult noEof = parse(TinyStream.v3().full(0, "beta", 0, 1, 1, 2).bytes());
        assertEquals(List.of("MISSING_EOF@28+0#-1"), at(noEof));
        assertEquals("data ends at offset 28 (0x1C) after section #0 'beta' without the EOF marker (00)",
                message(noEof, 0));
        ParseResult empty = parse(TinyStream.v3().bytes());
        assertEquals("data ends at offset 8 (0x8) after the file header without the EOF marker (00)",
                message(empty, 0));

        ParseResult badType = parse(TinyStream.v3().full(0, "beta", 0, 1, 1, 2).raw(5, 1, 2).bytes());
        assertEquals(List.of("UNKNOWN_SECTION_TYPE@28+1#-1"), at(badType));
        assertEquals("byte 0x05 at offset 28 (0x1C) after section #0 'beta' is not a section type (00-04)",
                message(badType, 0));
        assertEquals(new Span(28, 3), badType.unparsed());

        ParseResult trailing = parse(TinyStream.v3().full(0, "beta", 0, 1, 1, 2).eof().raw(0, 9, 0).bytes());
        assertEquals(List.of("TRAILING_BYTES@29+3#-1"), at(trailing));
        assertEquals("3 byte(s) after the EOF marker at offset 28 (0x1C)", message(trailing, 0));
        assertEquals(new Span(29, 3), trailing.trailing());
    }

    @Test
    void cutsInsideAFullHeader() {
        byte[] whole = TinyStream.v3().full(0, "beta", 0, 1, 1, 2).eof().bytes();
        ParseResult five = parse(Arrays.copyOf(whole, 13));
        assertEquals(List.of("TRUNCATED@8+5#-1"), at(five));
        assertEquals("data ends inside the section header at offset 8 (0x8): 6 bytes needed, 5 remain",
                message(five, 0));
        assertEquals(new Span(8, 5), five.unparsed());
        ParseResult six = parse(Arrays.copyOf(whole, 14));
        assertEquals(List.of("TRUNCATED@8+6#-1"), at(six));
        assertEquals("data ends inside the section header at offset 8 (0x8): 18 bytes needed, 6 remain",
                message(six, 0));
        ParseResult seventeen = parse(Arrays.copyOf(whole, 25));
        assertEquals(List.of("TRUNCATED@8+17#-1"), at(seventeen));
        assertEquals(List.of(), sections(seventeen));
    }

    @Test
    void cutsInsideABody() {
        byte[] whole = TinyStream.v3().full(0, "beta", 0, 1, 1, 2).eof().bytes();
        ParseResult none = parse(Arrays.copyOf(whole, 26));
        assertEquals(List.of("TRUNCATED@26+0#0"), at(none));
        assertEquals("data ends inside the body of 'beta' v1 at offset 26 (0x1A): 2 bytes expected, 0 present",
                message(none, 0));
        assertEquals("The body layout of beta v1 (test) needs more bytes than the file has: the file was cut short.",
                none.diagnostics().get(0).explanation());
        ParseResult one = parse(Arrays.copyOf(whole, 27));
        assertEquals(List.of("TRUNCATED@26+1#0"), at(one));
        assertEquals(List.of("FULL 0 'beta' i0 v1 h8+18 b26+1 shape 1"), sections(one));
        assertEquals(List.of(), one.sections().get(0).fields(), "a field the data cuts is not shown");
        ParseResult two = parse(Arrays.copyOf(whole, 28));
        assertEquals(List.of("MISSING_EOF@28+0#-1"), at(two));

        // a body whose length itself lies past the end: nothing to say about how long it should have been
        ParseResult count = parse(TinyStream.v3().full(0, "delta", 0, 1).bytes());
        assertEquals(List.of("TRUNCATED@27+0#0"), at(count));
        assertEquals("data ends inside the body of 'delta' v1 at offset 27 (0x1B): 0 present", message(count, 0));
        ParseResult items = parse(TinyStream.v3().full(0, "delta", 0, 1, 2, 0, 1, 0).bytes());
        assertEquals(List.of("TRUNCATED@27+4#0"), at(items));
        assertEquals("data ends inside the body of 'delta' v1 at offset 27 (0x1B): 5 bytes expected, 4 present",
                message(items, 0));
    }

    @Test
    void cutsAndOrphansOfLiveSections() {
        TinyStream start = TinyStream.v3().raw(1).be32(7).raw(4, 'b', 'e', 't', 'a').be32(0).be32(1).raw(0xAA, 0xBB);
        byte[] head = start.bytes();

        ParseResult payload = parse(concat(head, new byte[] {2, 0, 0, 0, 7, (byte) 0xCC}));
        assertEquals(List.of("TRUNCATED@33+1#1"), at(payload));
        assertEquals("data ends inside the PART payload of 'beta' at offset 33 (0x21): 2 bytes expected, 1 present",
                message(payload, 0));
        assertEquals("PART 7 'beta' i-1 v-1 h28+5 b33+1 shape 1", sections(payload).get(1));

        ParseResult header = parse(concat(head, new byte[] {3, 0, 0, 0}));
        assertEquals(List.of("TRUNCATED@28+4#-1"), at(header));
        assertEquals("data ends inside the END header at offset 28 (0x1C): 5 bytes needed, 4 remain",
                message(header, 0));
        assertEquals(new Span(28, 4), header.unparsed());

        ParseResult orphan = parse(concat(head, new byte[] {2, 0, 0, 0, 9, 1, 2, 0}));
        assertEquals(List.of("ORPHAN_LIVE_SECTION@28+5#1"), at(orphan));
        assertEquals("PART section at offset 28 (0x1C) continues section id 9, but no START section with that id "
                + "came before", message(orphan, 0));
        assertEquals("PART 9 '' i-1 v-1 h28+5 b33+0 undecoded", sections(orphan).get(1));
        assertEquals(new Span(33, 3), orphan.unparsed());

        // the START of a device nobody knows: its payload length is unknown too
        TinyStream unknown = TinyStream.v3().raw(1).be32(7).raw(4, 'z', 'e', 't', 'a').be32(0).be32(1)
                .full(8, "beta", 0, 1, 1, 2).raw(2).be32(7).raw(1, 2).eof();
        ParseResult u = parse(unknown.bytes());
        assertEquals(List.of("UNKNOWN_DEVICE@8+18#0", "RESYNCHRONISED@26+0#0", "UNKNOWN_DEVICE@46+5#2"), at(u));
        assertEquals("payload of live section 'zeta' is unknown; the walk stops at offset 51 (0x33)", message(u, 2));
        assertEquals("PART 7 'zeta' i-1 v-1 h46+5 b51+0 undecoded", sections(u).get(2));
        assertEquals(new Span(51, 3), u.unparsed());
    }

    // ---- unknown devices and resynchronisation (HeaderProbe.resync) ---------------------------------------------

    private static byte[] header(int type, long sid, byte[] idstr, long instance, long version) {
        TinyStream t = new TinyStream().raw(type).be32(sid).raw(idstr.length);
        for (byte c : idstr) {
            t.raw(c & 0xFF);
        }
        return t.be32(instance).be32(version).bytes();
    }

    private static byte[] name(int n, int c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        TinyStream t = new TinyStream();
        for (byte[] p : parts) {
            for (byte b : p) {
                t.raw(b & 0xFF);
            }
        }
        return t.bytes();
    }

    /**
     * The idstrs of the sections of: an unknown device "zeta" (section id {@code zetaId}), one junk byte, the
     * candidate header, then beta with id 100 and the EOF marker. A candidate the resynchronisation accepts becomes
     * a section of its own; one it rejects is skipped with zeta's body.
     */
    private static List<String> resyncThrough(long zetaId, byte[] candidate) {
        byte[] head = TinyStream.v3().full(zetaId, "zeta", 0, 1, 0xEE).bytes();
        byte[] tail = TinyStream.v3().full(100, "beta", 0, 1, 0x12, 0x34).eof().bytes();
        ParseResult r = parse(concat(head, candidate, Arrays.copyOfRange(tail, 8, tail.length)));
        return r.sections().stream().map(Section::idstr).toList();
    }

    private static List<String> accepted(String candidate) {
        return List.of("zeta", candidate, "beta");
    }

    private static final List<String> REJECTED = List.of("zeta", "beta");

    @Test
    void resynchronisationTakesIdstrsOfOneTo64Characters() {
        assertEquals(REJECTED, resyncThrough(1, header(4, 2, new byte[0], 0, 1)));
        assertEquals(accepted("q"), resyncThrough(1, header(4, 2, name(1, 'q'), 0, 1)));
        assertEquals(accepted("q".repeat(64)), resyncThrough(1, header(4, 2, name(64, 'q'), 0, 1)));
        assertEquals(REJECTED, resyncThrough(1, header(4, 2, name(65, 'q'), 0, 1)));
    }

    @Test
    void resynchronisationTakesPrintableIdstrsOnly() {
        assertEquals(REJECTED, resyncThrough(1, header(4, 2, new byte[] {'q', 0x1F}, 0, 1)));
        assertEquals(accepted("q "), resyncThrough(1, header(4, 2, new byte[] {'q', 0x20}, 0, 1)));
        assertEquals(accepted("q~"), resyncThrough(1, header(4, 2, new byte[] {'q', 0x7E}, 0, 1)));
        assertEquals(REJECTED, resyncThrough(1, header(4, 2, new byte[] {'q', 0x7F}, 0, 1)));
        assertEquals(REJECTED, resyncThrough(1, header(4, 2, new byte[] {0x1F, 'q'}, 0, 1)));
        assertEquals(REJECTED, resyncThrough(1, header(4, 2, new byte[] {(byte) 0x80, 'q'}, 0, 1)));
    }

    @Test
    void resynchronisationTakesRisingSectionIdsOnly() {
        assertEquals(REJECTED, resyncThrough(3, header(4, 3, name(1, 'q'), 0, 1)));
        assertEquals(accepted("q"), resyncThrough(3, header(4, 5, name(1, 'q'), 0, 1)));
        assertEquals(REJECTED, resyncThrough(0, header(4, 0, name(1, 'q'), 0, 1)), "id 0 after id 0");
        assertEquals(accepted("q"), resyncThrough(0, header(4, 1, name(1, 'q'), 0, 1)));
        // a known device out of order is no resynchronisation point either
        assertEquals(REJECTED, resyncThrough(3, header(4, 3, "beta".getBytes(), 0, 1)));
    }

    @Test
    void resynchronisationTakesSmallInstancesAndVersionsOfUnknownDevices() {
        assertEquals(accepted("q"), resyncThrough(1, header(4, 2, name(1, 'q'), 0xFFFF, 0xFF)));
        assertEquals(REJECTED, resyncThrough(1, header(4, 2, name(1, 'q'), 0x10000, 1)));
        assertEquals(REJECTED, resyncThrough(1, header(4, 2, name(1, 'q'), 0, 0x100)));
        assertEquals(accepted("q"), resyncThrough(1, header(4, 2, name(1, 'q'), 0, 20061112)), "eeprom93xx's version");
        assertEquals(REJECTED, resyncThrough(1, header(4, 2, name(1, 'q'), 0, 20061111)));
        assertEquals(REJECTED, resyncThrough(1, header(4, 2, name(1, 'q'), 0, 20061113)));
        // a device we know is a candidate whatever its numbers
        assertEquals(accepted("beta"), resyncThrough(1, header(4, 2, "beta".getBytes(), 0x10000, 0x100)));
        // only FULL headers: a START, PART or END is no resynchronisation point
        assertEquals(REJECTED, resyncThrough(1, header(1, 2, name(1, 'q'), 0, 1)));
    }

    @Test
    void resynchronisationSaysWhereItLandedAndWhatItSkipped() {
        ParseResult r = parse(TinyStream.v3().full(0, "zeta", 0, 1, 1, 2, 3).eof().bytes());
        assertEquals(List.of("UNKNOWN_DEVICE@8+18#0", "RESYNCHRONISED@26+3#0"), at(r));
        assertEquals("no decoder knows device 'zeta' at offset 8 (0x8)", message(r, 0));
        assertEquals("skipped 3 byte(s) of the body of 'zeta' v1; next plausible section header at offset 29 (0x1D)",
                message(r, 1));
        assertEquals(List.of("FULL 0 'zeta' i0 v1 h8+18 b26+3 undecoded"), sections(r));
        assertEquals(new Span(29, 1), r.eof());

        // a zero byte that is not the last one is no EOF marker to land on; a cut header is no header
        byte[] cutHeader = header(4, 1, name(1, 'q'), 0, 0x0102);
        ParseResult none = parse(concat(TinyStream.v3().full(0, "zeta", 0, 1, 1, 0, 3).bytes(),
                Arrays.copyOf(cutHeader, cutHeader.length - 1)));
        assertEquals(List.of("UNKNOWN_DEVICE@8+18#0", "RESYNCHRONISED@26+17#0"), at(none));
        assertEquals("skipped 17 byte(s) of the body of 'zeta' v1; no plausible header follows: the body is taken to "
                + "run to the end of the data", message(none, 1));
        assertNull(none.eof());

        ParseResult version = parse(TinyStream.v3().full(0, "alpha", 0, 9, 0, 0, 0, 5).full(1, "beta", 0, 1, 1, 2)
                .eof().bytes());
        assertEquals(List.of("UNKNOWN_DEVICE@8+19#0", "RESYNCHRONISED@27+4#0"), at(version));
        assertEquals("no decoder for 'alpha' version 9 (known versions: 1, 2) at offset 8 (0x8)", message(version, 0));
        assertEquals("skipped 4 byte(s) of the body of 'alpha' v9; next plausible section header at offset 31 (0x1F); "
                + "the skipped bytes have exactly the length of the alpha v1 layout and are shown decoded with it",
                message(version, 1));
        assertEquals("FULL 0 'alpha' i0 v9 h8+19 b27+4 shape 1", sections(version).get(0));
        assertEquals(List.of("a@27+4=5"), fields(version.sections().get(0).fields()));
    }

    // ---- which shape a body has (HeaderProbe.landing, ShapeChooser) --------------------------------------------

    /** gamma labelled {@code label} whose 5-byte body ends in {@code last}, then {@code after}. */
    private static ParseResult gamma(int label, int last, byte[] after) {
        return parse(concat(TinyStream.v3().full(0, "gamma", 0, label, 0, 0, 0, 9, last).bytes(), after));
    }

    @Test
    void aLabelledBodyEndingExactlyAtTheEndOfTheDataIsKept() {
        ParseResult r = gamma(2, 0, new byte[0]);
        assertEquals(List.of("FULL 0 'gamma' i0 v2 h8+19 b27+5 shape 2"), sections(r));
        assertEquals(List.of("MISSING_EOF@32+0#-1"), at(r));
    }

    @Test
    void aLabelledBodyEndingOnAnImpossibleByteGivesWayToAnEofMarkerFollowedByNothingOrPadding() {
        ParseResult exact = gamma(1, 7, new byte[] {0});
        assertEquals(List.of("FULL 0 'gamma' i0 v1 h8+19 b27+5 shape 2"), sections(exact));
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0"), at(exact));
        assertEquals("'gamma' is labelled version 1 but its body has the shape of version 2 (5 bytes, not 4) at offset "
                + "8 (0x8)", message(exact, 0));
        assertEquals("Only a body of 5 bytes puts the EOF marker where it is. A loader that trusts the label stops 1 "
                + "byte(s) early, at offset 31 (0x1F), and takes a body byte for the next section type.",
                exact.diagnostics().get(0).explanation());

        ParseResult padded = gamma(1, 7, new byte[1 + 4096]);
        assertEquals(2, padded.sections().get(0).shapeVersion());
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0", "TRAILING_BYTES@33+4096#-1"), at(padded));

        // more zeros than any alignment pads with, or a byte that is not zero: trailing bytes, which decide nothing
        ParseResult tooLong = gamma(1, 7, new byte[1 + 4097]);
        assertEquals(List.of("FULL 0 'gamma' i0 v1 h8+19 b27+4 shape 1"), sections(tooLong));
        assertEquals(List.of("UNKNOWN_SECTION_TYPE@31+1#-1"), at(tooLong));
        ParseResult junk = gamma(1, 7, new byte[] {0, 0, 1, 0});
        assertEquals(List.of("UNKNOWN_SECTION_TYPE@31+1#-1"), at(junk));
    }

    @Test
    void aLabelledBodyEndingOnAnImpossibleByteGivesWayToAHeader() {
        byte[] part = {2, 0, 0, 0, 9};
        ParseResult live = gamma(1, 7, part);
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0", "ORPHAN_LIVE_SECTION@32+5#1"), at(live));
        assertEquals("Only a body of 5 bytes puts the next section header where it is. A loader that trusts the label "
                + "stops 1 byte(s) early, at offset 31 (0x1F), and takes a body byte for the next section type.",
                live.diagnostics().get(0).explanation());
        ParseResult cut = gamma(1, 7, Arrays.copyOf(part, 4));
        assertEquals(List.of("UNKNOWN_SECTION_TYPE@31+1#-1"), at(cut));

        // a START is not bound by the order of FULL ids
        byte[] start = concat(header(1, 0, "beta".getBytes(), 0, 1), new byte[] {1, 2, 0});
        ParseResult after = parse(concat(TinyStream.v3().full(5, "gamma", 0, 1, 0, 0, 0, 9, 7).bytes(), start));
        assertEquals(List.of("FULL 5 'gamma' i0 v1 h8+19 b27+5 shape 2", "START 0 'beta' i0 v1 h32+18 b50+2 shape 1"),
                sections(after));
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0"), at(after));
        // a FULL header with a rising id
        ParseResult full = parse(concat(TinyStream.v3().full(5, "gamma", 0, 1, 0, 0, 0, 9, 7).bytes(),
                header(4, 6, "beta".getBytes(), 0, 1), new byte[] {1, 2, 0}));
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0"), at(full));
    }

    @Test
    void aLabelledBodyRunningPastTheEndGivesWayOnlyToTheEofMarkerAsTheLastByte() {
        // epsilon labelled 2 (6 bytes) with 4 bytes and the EOF marker as the last byte
        ParseResult exact = parse(TinyStream.v3().full(0, "epsilon", 0, 2, 0, 0, 0, 9).eof().bytes());
        assertEquals(List.of("FULL 0 'epsilon' i0 v2 h8+21 b29+4 shape 1"), sections(exact));
        assertEquals(List.of("VERSION_LABEL_MISMATCH@25+4#0"), at(exact));
        assertEquals("'epsilon' is labelled version 2 but its body has the shape of version 1 (4 bytes, not 6) at "
                + "offset 8 (0x8)", message(exact, 0));
        assertEquals("Only a body of 4 bytes puts the EOF marker where it is. A loader that trusts the label reads 2 "
                + "byte(s) too many, from offset 33 (0x21), 1 of them past the end of the data, and then takes "
                + "whatever follows as the next section type. (The same bytes would also result from a genuine "
                + "version-2 body cut short right after offset 33 (0x21); a file that ends exactly after a shorter "
                + "layout and a 00 byte is the mark of the mismatch, not proof of it.)",
                exact.diagnostics().get(0).explanation());

        // no EOF marker at all: a cut is the simpler explanation
        ParseResult cut = parse(TinyStream.v3().full(0, "epsilon", 0, 2, 0, 0, 0, 9).bytes());
        assertEquals(List.of("FULL 0 'epsilon' i0 v2 h8+21 b29+4 shape 2"), sections(cut));
        assertEquals(List.of("TRUNCATED@29+4#0"), at(cut));
        assertEquals("data ends inside the body of 'epsilon' v2 at offset 29 (0x1D): 6 bytes expected, 4 present",
                message(cut, 0));
        // an EOF marker followed by bytes decides nothing
        ParseResult trailing = parse(TinyStream.v3().full(0, "epsilon", 0, 2, 0, 0, 0, 9).eof().raw(9, 9).bytes());
        assertEquals(List.of("FULL 0 'epsilon' i0 v2 h8+21 b29+6 shape 2"), sections(trailing));
        assertEquals(List.of("UNKNOWN_SECTION_TYPE@35+1#-1"), at(trailing));
    }

    @Test
    void aLabelledBodyWithAValueNoWriterProducesGivesWayToAnyEofMarker() {
        // alpha v2's second word must be 0xCAFE: a v1 body, the EOF marker and a junk tail are the v1 shape
        ParseResult r = parse(TinyStream.v3().full(0, "alpha", 0, 2, 0, 0, 0, 7).eof().raw(1, 2, 3, 4, 5).bytes());
        assertEquals(List.of("FULL 0 'alpha' i0 v2 h8+19 b27+4 shape 1"), sections(r));
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0", "TRAILING_BYTES@32+5#-1"), at(r));
        // when the other shape ends on a byte that starts nothing, the label stays
        ParseResult kept = parse(TinyStream.v3().full(0, "alpha", 0, 2, 0, 0, 0, 7, 9, 0, 0, 1).eof().bytes());
        assertEquals(List.of("FULL 0 'alpha' i0 v2 h8+19 b27+8 shape 2"), sections(kept));
        assertEquals(List.of(), at(kept));
        // and when the labelled body ends on a header of a device we know, its odd value is the device's business
        ParseResult header = parse(TinyStream.v3().full(0, "alpha", 0, 2, 0, 0, 0, 7, 0, 0, 0, 1)
                .full(1, "beta", 0, 1, 1, 2).eof().bytes());
        assertEquals(List.of("FULL 0 'alpha' i0 v2 h8+19 b27+8 shape 2", "FULL 1 'beta' i0 v1 h35+18 b53+2 shape 1"),
                sections(header));
        assertEquals(List.of(), at(header));
    }

    @Test
    void ofTwoOtherShapesTheOneThatLandsBetterWinsAndOfTwoEqualOnesTheLowerVersion() {
        // v1 ends on 07; v2 on a zero followed by a zero (padding, score 2); v3 on the last byte, a zero (exact, 4)
        ParseResult better = parse(TinyStream.v3().full(0, "theta", 0, 1, 0, 0, 0, 9, 7, 0, 0).bytes());
        assertEquals(List.of("FULL 0 'theta' i0 v1 h8+19 b27+6 shape 3"), sections(better));
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0"), at(better));
        // both v2 and v3 end on a zero followed by zeros: the first one stays
        ParseResult tie = parse(TinyStream.v3().full(0, "theta", 0, 1, 0, 0, 0, 9, 7, 0, 0, 0).bytes());
        assertEquals(List.of("FULL 0 'theta' i0 v1 h8+19 b27+5 shape 2"), sections(tie));
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0", "TRAILING_BYTES@33+2#-1"), at(tie));
    }

    @Test
    void aFullHeaderThatCannotBeOneIsAByteThatStartsNothing() {
        // gamma labelled 1 ends on a type byte 04 whose idstr length is 0: no header; the 5-byte shape ends on a
        // zero followed by zeros, which is padding after an EOF marker
        ParseResult r = parse(concat(TinyStream.v3().full(0, "gamma", 0, 1, 0, 0, 0, 9).bytes(),
                new byte[] {4, 0, 0, 0, 0, 0}));
        assertEquals(List.of("FULL 0 'gamma' i0 v1 h8+19 b27+5 shape 2"), sections(r));
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0", "TRAILING_BYTES@33+4#-1"), at(r));
        // a FULL header whose id does not rise is no header either; nothing else explains the body, so the label
        // stays and the walk goes on to what follows
        ParseResult low = parse(concat(TinyStream.v3().full(5, "gamma", 0, 1, 0, 0, 0, 9).bytes(),
                header(4, 3, name(1, 'q'), 0, 1), new byte[] {0}));
        assertEquals(LOW_ID_SECTIONS, sections(low));
        assertEquals(LOW_ID_DIAGNOSTICS, at(low));
    }

    private static final List<String> LOW_ID_SECTIONS = List.of("FULL 5 'gamma' i0 v1 h8+19 b27+4 shape 1",
            "FULL 3 'q' i0 v1 h31+15 b46+0 undecoded");
    private static final List<String> LOW_ID_DIAGNOSTICS = List.of("UNKNOWN_DEVICE@31+15#1", "SECTION_ID_ORDER@32+4#1",
            "RESYNCHRONISED@46+0#1");

    @Test
    void progressAndCancellationReachALongResynchronisation() {
        byte[] junk = new byte[3 << 20];
        Arrays.fill(junk, (byte) 0xEE);
        byte[] b = concat(TinyStream.v3().full(0, "zeta", 0, 1).bytes(), junk, new byte[] {0});
        List<Long> done = new java.util.ArrayList<>();
        new SavevmParser(CATALOG).parse(ByteSource.of(b), new ParseOptions((d, total) -> done.add(d), null));
        // every MiB of the scan, at most one report per MiB walked, and the end
        assertEquals(List.of(8L, 2L << 20, 3L << 20, (long) b.length), done);
        // a cancel asked for during the scan stops it at the next MiB
        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CancellationException stopped = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CancellationException.class, () -> new SavevmParser(CATALOG).parse(
                        ByteSource.of(b), new ParseOptions(null, () -> polls.incrementAndGet() > 3)));
        assertEquals("parse cancelled at offset " + (2 << 20), stopped.getMessage());
    }

    @Test
    void cancellationIsAskedBeforeEverySectionAndRecord() {
        byte[] v3 = TinyStream.v3().full(0, "beta", 0, 1, 1, 2).full(1, "beta", 1, 1, 1, 2).eof().bytes();
        assertEquals("parse cancelled at offset 28", cancelledAt(v3, 3));
        assertEquals("parse cancelled at offset 48", cancelledAt(v3, 4));
        byte[] v2 = record(record(v2(38), "beta", 1, 2, 1, 2), "beta", 1, 2, 3, 4).bytes();
        assertEquals("parse cancelled at offset 16", cancelledAt(v2, 2));
        assertEquals("parse cancelled at offset 35", cancelledAt(v2, 3));
    }

    /** The message of the cancellation that the {@code n}-th poll asks for. */
    private static String cancelledAt(byte[] b, int n) {
        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        return org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> new SavevmParser(CATALOG).parse(ByteSource.of(b),
                        new ParseOptions(null, () -> polls.incrementAndGet() >= n))).getMessage();
    }

    @Test
    void whatALoaderTrustingTheLabelDoesIsSaidExactly() {
        // the labelled body ends exactly at the end of the data: nothing past it, and no cut-short reading
        ParseResult exactEnd = parse(TinyStream.v3().full(0, "alpha", 0, 2, 0, 0, 0, 7).eof().raw(1, 2, 3).bytes());
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0", "TRAILING_BYTES@32+3#-1"), at(exactEnd));
        assertEquals("Only a body of 4 bytes puts the EOF marker where it is. A loader that trusts the label reads 4 "
                + "byte(s) too many, from offset 31 (0x1F), and then takes whatever follows as the next section type.",
                exactEnd.diagnostics().get(0).explanation());
        // a labelled body of no bytes at all
        ParseResult none = parse(TinyStream.v3().full(0, "empty", 0, 1, 7).eof().bytes());
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0"), at(none));
        assertEquals("'empty' is labelled version 1 but its body has the shape of version 2 (1 bytes, not 0) at offset "
                + "8 (0x8)", message(none, 0));
        assertEquals("Only a body of 1 bytes puts the EOF marker where it is. A loader that trusts the label stops 1 "
                + "byte(s) early, at offset 27 (0x1B), and takes a body byte for the next section type.",
                none.diagnostics().get(0).explanation());
        // a labelled body whose length no loader can tell (a negative count)
        ParseResult unknown = parse(TinyStream.v3().full(0, "kappa", 0, 1, 0xFF, 0xFF, 0xFF, 0xFF).eof().bytes());
        assertEquals(List.of("FULL 0 'kappa' i0 v1 h8+19 b27+4 shape 2"), sections(unknown));
        assertEquals(List.of("VERSION_LABEL_MISMATCH@23+4#0"), at(unknown));
        assertEquals("'kappa' is labelled version 1 but its body has the shape of version 2 (4 bytes, not the v1 "
                + "length) at offset 8 (0x8)", message(unknown, 0));
        assertEquals("Only a body of 4 bytes puts the EOF marker where it is. A loader that trusts the label reads a "
                + "different number of bytes and loses step with the stream.",
                unknown.diagnostics().get(0).explanation());
    }

    // ---- v2 and v1 records --------------------------------------------------------------------------------------

    private static TinyStream v2(long total) {
        return new TinyStream().raw('Q', 'E', 'V', 'M', 0, 0, 0, 2).be32(total >>> 32).be32(total);
    }

    private static TinyStream record(TinyStream t, String idstr, long version, long recordLen, int... body) {
        t.raw(idstr.length());
        for (char c : idstr.toCharArray()) {
            t.raw(c);
        }
        return t.be32(0).be32(version).be32(recordLen).raw(body);
    }

    @Test
    void recordsAtTheirEdges() {
        // a header that ends exactly at the end of the records, with an empty body, is a whole record
        ParseResult empty = parse(record(v2(17), "zeta", 1, 0).bytes());
        assertEquals(List.of("FORMAT_INFO@4+4#-1", "UNKNOWN_DEVICE@16+17#0"), at(empty));
        assertEquals("record 'zeta' v1 at offset 16 (0x10) is shown undecoded: no decoder knows 'zeta' v1 (the record "
                + "length still delimits it)", message(empty, 1));
        assertEquals(List.of("RECORD -1 'zeta' i0 v1 h16+17 b33+0 undecoded"), sections(empty));

        byte[] whole = record(v2(19), "beta", 1, 2, 1, 2).bytes();
        ParseResult header = parse(Arrays.copyOf(whole, 32));
        assertEquals(List.of("FORMAT_INFO@4+4#-1", "TRUNCATED@16+16#-1", "TRUNCATED@32+0#-1"), at(header));
        assertEquals("the v2 header announces 19 bytes of records (to offset 35 (0x23)) but the data ends at 32 (0x20)",
                message(header, 2));
        assertEquals("data ends inside a record header at offset 16 (0x10)", message(header, 1));
        assertEquals(new Span(16, 16), header.unparsed());

        ParseResult body = parse(Arrays.copyOf(whole, 34));
        assertEquals(List.of("FORMAT_INFO@4+4#-1", "TRUNCATED@33+1#0", "TRUNCATED@34+0#-1"), at(body));
        assertEquals("data ends inside record 'beta' at offset 33 (0x21): 2 bytes announced, 1 present",
                message(body, 1));

        ParseResult tail = parse(concat(whole, new byte[] {7, 7}));
        assertEquals(List.of("FORMAT_INFO@4+4#-1", "TRAILING_BYTES@35+2#-1"), at(tail));
        assertEquals("2 byte(s) after the last record (offset 35 (0x23))", message(tail, 1));
        assertEquals(new Span(35, 2), tail.trailing());
    }

    @Test
    void aRecordLengthNoLayoutHasKeepsTheRestAsARecordTail() {
        ParseResult r = parse(record(v2(20), "beta", 1, 3, 1, 2, 3).bytes());
        assertEquals(List.of("FORMAT_INFO@4+4#-1", "RECORD_LENGTH_MISMATCH@29+4#0"), at(r));
        assertEquals("record 'beta' v1 at offset 16 (0x10): record_len says 3 bytes, the beta v1 layout decodes 2 bytes",
                message(r, 1));
        assertEquals(List.of("x@33+2=102", "record_tail@35+1=0"), fields(r.sections().get(0).fields()));
        // a body shorter than the layout: no field fits inside the record, so all of it is the tail
        ParseResult shorter = parse(record(v2(19), "alpha", 1, 1, 9).bytes());
        assertEquals(List.of("FORMAT_INFO@4+4#-1", "RECORD_LENGTH_MISMATCH@30+4#0"), at(shorter));
        assertEquals(List.of("record_tail@34+1=0"), fields(shorter.sections().get(0).fields()));
        // a layout of no bytes at all
        ParseResult empty = parse(record(v2(18), "empty", 1, 1, 7).bytes());
        assertEquals("record 'empty' v1 at offset 16 (0x10): record_len says 1 bytes, the empty v1 layout decodes 0 "
                + "bytes", message(empty, 1));
        // a count byte past the end of the data: the layout's length cannot be told
        ParseResult count = parse(record(v2(18), "delta", 1, 0).bytes());
        assertEquals("record 'delta' v1 at offset 16 (0x10): record_len says 0 bytes, the delta v1 layout decodes a "
                + "length that depends on bytes past the end of the data", message(count, 1));
    }

    @Test
    void version1RecordsEndAtTheEndOfTheDataOrAtXenServersZeroLengthByte() {
        TinyStream v1 = new TinyStream().raw('Q', 'E', 'V', 'M', 0, 0, 0, 1);
        byte[] one = record(v1, "beta", 1, 2, 1, 2).bytes();
        ParseResult plain = parse(one);
        assertEquals(List.of("FORMAT_INFO@4+4#-1"), at(plain));
        assertEquals(List.of("RECORD -1 'beta' i0 v1 h8+17 b25+2 shape 1"), sections(plain));

        ParseResult ended = parse(concat(one, new byte[] {0}));
        assertEquals(List.of("FORMAT_INFO@4+4#-1", "FORMAT_INFO@27+1#-1"), at(ended));
        assertEquals("zero length byte at offset 27 (0x1B) ends the records: XenServer's v1 dialect", message(ended, 1));
        assertEquals(new Span(27, 1), ended.eof());
        assertNull(ended.trailing());

        // XenServer's v1 dialect body of piix4acpi (no PCI block): said so, with the record header's span
        TinyStream dialect = record(new TinyStream().raw('Q', 'E', 'V', 'M', 0, 0, 0, 1), "piix4acpi", 1, 2, 0, 1);
        ParseResult xs = SavevmParser.standard().parse(ByteSource.of(dialect.bytes()));
        assertEquals(List.of("FORMAT_INFO@4+4#-1", "FORMAT_INFO@8+22#0"), at(xs));
        assertEquals("record 'piix4acpi' v1 has the piix4acpi v1 (XenServer v1 dialect) body (2 bytes; XSPQ "
                + "master/fix_savevm_v1_compatibility.patch (piix4acpi_load, file version 1))", message(xs, 1));

        ParseResult more = parse(concat(one, new byte[] {0, 5, 5}));
        assertEquals(List.of("FORMAT_INFO@4+4#-1", "FORMAT_INFO@27+1#-1", "TRAILING_BYTES@28+2#-1"), at(more));
        assertEquals("2 byte(s) after the terminating zero length byte at offset 27 (0x1B)", message(more, 2));
        assertEquals(new Span(28, 2), more.trailing());
    }
}
