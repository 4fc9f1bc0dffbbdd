package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;

/**
 * The walk keys device instances by (idstr, instance id) and kinds of START section by (idstr, version): keys
 * whose hash codes are equal are still different devices. {@code "timer"} and {@code "times"} differ by one in
 * their last character, so ({@code "timer"}, 31) and ({@code "times"}, 0) hash alike, as do ({@code "ram"}, 3)
 * and ({@code "ral"}, 34).
 */
class KeysThatHashAlikeTest {
    private static final SavevmParser PARSER = SavevmParser.standard();

    @Test
    void twoInstancesWhoseKeysHashAlikeAreNoDuplicate() {
        assertEquals("timer".hashCode() * 31 + 31, "times".hashCode() * 31);
        byte[] b = StreamBuilder.v3().full(1, "timer", 31, 2, Bodies.timer()).full(2, "times", 0, 2, Bodies.timer())
                .full(3, "timer", 31, 2, Bodies.timer()).eof().build().bytes();
        ParseResult p = PARSER.parse(ByteSource.of(b));
        assertEquals(List.of("timer", "times", "timer"), p.sections().stream().map(Section::idstr).toList());
        // only the second timer 31 repeats the first one; "times" 0 is a device of its own
        assertEquals(List.of("DUPLICATE_SECTION@" + p.sections().get(2).header().offset() + "+19#2"),
                p.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.DUPLICATE_SECTION)
                        .map(WalkEdgesTest::at).toList());
    }

    /** Two live devices of a toy catalogue: "ram" v3 with a 1-byte payload, "ral" v34 with a 2-byte one. */
    static final class Ram extends DeviceLayoutBase {
        Ram() {
            super("ram", 3, "test", Layout.of(Layout.u8("r")));
        }
    }

    static final class Ral extends DeviceLayoutBase {
        Ral() {
            super("ral", 34, "test", Layout.of(Layout.be16("l")));
        }
    }

    @Test
    void partSectionsTakeTheDeviceOfTheirOwnStartWhenTwoKindsOfStartHashAlike() {
        assertEquals("ram".hashCode() * 31 + 3, "ral".hashCode() * 31 + 34);
        byte[] b = StreamBuilder.v3().start(1, "ram", 0, 3, new byte[] {1}).start(2, "ral", 0, 34, new byte[] {2, 2})
                .part(2, new byte[] {3, 3}).part(1, new byte[] {4}).end(2, new byte[] {5, 5}).end(1, new byte[] {6})
                .eof().build().bytes();
        ParseResult p = new SavevmParser(new DeviceCatalog(List.of(new Ram(), new Ral()))).parse(ByteSource.of(b));
        List<Section> s = p.sections();
        assertEquals(List.of(), p.diagnostics());
        assertEquals(List.of(SectionType.START, SectionType.START, SectionType.PART, SectionType.PART,
                SectionType.END, SectionType.END), s.stream().map(Section::type).toList());
        assertEquals(List.of("ram", "ral", "ral", "ram", "ral", "ram"), s.stream().map(Section::idstr).toList());
        assertEquals(List.of(1L, 2L, 2L, 1L, 2L, 1L), s.stream().map(x -> x.body().length()).toList());
        assertEquals(b.length - 1L, p.eof().offset());
    }
}
