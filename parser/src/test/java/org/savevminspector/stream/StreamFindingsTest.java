package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.savevminspector.stream.WalkEdgesTest.at;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.Guest;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;

/**
 * What the walk says about a whole stream, word for word: the named writer bug (corroborated or not), section ids
 * out of order, a device instance twice, and XenServer's fingerprints, each at the bytes it is about.
 */
class StreamFindingsTest {

    private static ParseResult parse(byte[] b) {
        return SavevmParser.standard().parse(ByteSource.of(b));
    }

    private static ParseResult tiny(byte[] b) {
        return new SavevmParser(TinyStream.CATALOG).parse(ByteSource.of(b));
    }

    private static List<Diagnostic> only(ParseResult r, DiagnosticCode code) {
        return r.diagnostics().stream().filter(d -> d.code() == code).toList();
    }

    private static Section section(ParseResult r, String idstr) {
        return r.sections().stream().filter(s -> s.idstr().equals(idstr)).findFirst().orElseThrow();
    }

    /** The diagnostic as code@offset+length#section for the whole header of {@code s}. */
    private static String onHeader(DiagnosticCode code, Section s) {
        return code + "@" + s.header().offset() + "+" + s.header().length() + "#" + s.index();
    }

    private static final KnownProblems.KnownProblem XENSERVER_62 = KnownProblems.TABLE.get(0);

    private static String cutShort(String at) {
        return " (The same bytes would also result from a genuine version-2 body cut short right after offset " + at
                + "; a file that ends exactly after a shorter layout and a 00 byte is the mark of the mismatch, not "
                + "proof of it.)";
    }

    @Test
    void theXenServer62RecordIsNamedAndCorroboratedByGpeV1() {
        ParseResult r = parse(Fixtures.piix4acpiCase().bytes());
        assertEquals(List.of("VERSION_LABEL_MISMATCH@7230+4#23"), at(r));
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("'piix4acpi' is labelled version 2 but its body has the shape of version 1 (278 bytes, not 282): "
                + "XenServer 6.0–6.2 record at offset 7211 (0x1C2B)", d.message());
        assertEquals("This is " + XENSERVER_62.name() + ", corroborated by gpe v1 in the same file. A loader that "
                + "trusts the label reads 4 byte(s) too many, from offset 7512 (0x1D58), 3 of them past the end of the "
                + "data, and then takes whatever follows as the next section type." + cutShort("7512 (0x1D58)") + " "
                + XENSERVER_62.consequences(), d.explanation());
    }

    @Test
    void withoutGpeV1TheRecordIsNamedButNotCorroborated() {
        ParseResult r = parse(Fixtures.write(Guest.DEFAULT.withAcpi(2, 2, 1)).bytes());
        assertEquals(List.of("VERSION_LABEL_MISMATCH@7238+4#23"), at(r));
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("'piix4acpi' is labelled version 2 but its body has the shape of version 1 (278 bytes, not 282) "
                + "at offset 7219 (0x1C33)", d.message());
        assertEquals("This is " + XENSERVER_62.name() + " (not corroborated: gpe v1 is absent). A loader that "
                + "trusts the label reads 4 byte(s) too many, from offset 7520 (0x1D60), 3 of them past the end of the "
                + "data, and then takes whatever follows as the next section type." + cutShort("7520 (0x1D60)") + " "
                + XENSERVER_62.consequences(), d.explanation());
    }

    @Test
    void sectionIdsMustRiseFromZeroOn() {
        ParseResult same = tiny(TinyStream.v3().full(0, "beta", 0, 1, 1, 2).full(0, "beta", 1, 1, 1, 2).eof().bytes());
        assertEquals(List.of("SECTION_ID_ORDER@29+4#1"), at(same));
        assertEquals("section id 0 of 'beta' does not exceed the previous 0 (qemu-dm numbers registrations in order, "
                + "FORMAT.md A.7; the loader does not check FULL ids)", same.diagnostics().get(0).message());
        ParseResult lower = tiny(TinyStream.v3().full(5, "beta", 0, 1, 1, 2).full(4, "beta", 1, 1, 1, 2).eof().bytes());
        assertEquals(List.of("SECTION_ID_ORDER@29+4#1"), at(lower));
        ParseResult rising = tiny(TinyStream.v3().full(0, "beta", 0, 1, 1, 2).full(1, "beta", 1, 1, 1, 2).eof().bytes());
        assertEquals(List.of(), at(rising));
        // a START section's id is its own sequence: only FULL ids are compared
        TinyStream live = TinyStream.v3().full(5, "beta", 0, 1, 1, 2).raw(1).be32(2).raw(4, 'b', 'e', 't', 'a')
                .be32(1).be32(1).raw(1, 2).full(6, "beta", 2, 1, 1, 2).eof();
        assertEquals(List.of(), at(tiny(live.bytes())));
    }

    @Test
    void aDeviceInstanceTwiceIsOneRestoreLost() {
        ParseResult r = tiny(TinyStream.v3().full(0, "beta", 3, 1, 1, 2).full(1, "beta", 3, 1, 1, 2).eof().bytes());
        assertEquals(List.of("DUPLICATE_SECTION@28+18#1"), at(r));
        assertEquals("'beta' instance 3 appears again (first at offset 8 (0x8)): a loader restores both into the same "
                + "device and the other one is never restored", r.diagnostics().get(0).message());
        ParseResult other = tiny(TinyStream.v3().full(0, "beta", 3, 1, 1, 2).full(1, "beta", 4, 1, 1, 2).eof().bytes());
        assertEquals(List.of(), at(other));
    }

    @Test
    void xenServersTwoNicsAtInstanceZeroCollideByDesign() {
        ParseResult r = parse(Fixtures.write(Guest.DEFAULT.withNics(Guest.Nic.RTL8139, Guest.Nic.RTL8139)
                .withXenServer(true)).bytes());
        List<Section> nics = r.sections().stream().filter(s -> s.idstr().equals("rtl8139")).toList();
        assertEquals(2, nics.size());
        List<Diagnostic> dup = only(r, DiagnosticCode.DUPLICATE_SECTION);
        assertEquals(List.of(onHeader(DiagnosticCode.DUPLICATE_SECTION, nics.get(1))),
                dup.stream().map(WalkEdgesTest::at).toList());
        assertEquals("'rtl8139' instance 0 appears again (first at offset " + nics.get(0).header().offset() + " (0x"
                + Long.toHexString(nics.get(0).header().offset()).toUpperCase() + ")): a loader restores both into "
                + "the same device and the other one is never restored; XenServer registers every rtl8139 as "
                + "instance 0 (XSPQ fix_rtl_saverestore.patch), so both XenServer loaders (6.0–6.2 and 6.5+) restore "
                + "this NIC's state into the first NIC, with result 0 and no message, and the second NIC keeps its "
                + "power-on state", dup.get(0).message());
    }

    @Test
    void xenServerFingerprintsPointAtTheHeaderThatCarriesThem() {
        ParseResult x62 = parse(Fixtures.xenServer62StdVga().bytes());
        Section uhci = section(x62, "UHCI usb controller");
        Section rtl = section(x62, "rtl8139");
        Section vga = section(x62, "vga");
        assertEquals(List.of(onHeader(DiagnosticCode.XENSERVER_FINGERPRINT, vga),
                onHeader(DiagnosticCode.XENSERVER_FINGERPRINT, uhci),
                onHeader(DiagnosticCode.XENSERVER_FINGERPRINT, rtl)).stream().sorted().toList(),
                only(x62, DiagnosticCode.XENSERVER_FINGERPRINT).stream().map(WalkEdgesTest::at).sorted().toList());
        assertEquals(List.of("idstr 'UHCI usb controller' is XenServer's name for upstream 'uhci' "
                        + "(fix_savevm_v1_compatibility.patch); upstream does not know it",
                "rtl8139 with instance 0 is XenServer's numbering (fix_rtl_saverestore.patch); upstream expects "
                        + "(bus << 8) | devfn, e.g. 0x20",
                "vga labelled 6 is XenServer's numbering (savevm_george_compatibility.patch) for the v4 body"),
                only(x62, DiagnosticCode.XENSERVER_FINGERPRINT).stream().map(Diagnostic::message).sorted().toList());

        // a label of XenServer's own numbering with a layout of its own is named by that layout's origin
        ParseResult x65 = parse(Fixtures.xenServer65().bytes());
        Section acpi = section(x65, "piix4acpi");
        Diagnostic named = only(x65, DiagnosticCode.XENSERVER_FINGERPRINT).stream()
                .filter(d -> d.section() == acpi.index()).findFirst().orElseThrow();
        assertEquals(onHeader(DiagnosticCode.XENSERVER_FINGERPRINT, acpi), at(named));
        assertEquals("piix4acpi labelled 3 uses XenServer's private numbering ("
                + org.savevminspector.devices.DeviceCatalog.standard().find("piix4acpi", 3).orElseThrow().source() + ")",
                named.message());
        // an upstream rtl8139 instance, an upstream uhci and cirrus: nothing
        assertEquals(List.of(), only(parse(Fixtures.defaultGuest().bytes()), DiagnosticCode.XENSERVER_FINGERPRINT));
    }
}
